// Human labels for the board's enums, in one place so every view says the same thing.
import type { CardStatus, Side } from '../../../../shared/board';

export const SIDE_LABELS: Record<Side, string> = { IT: 'IT', OT: 'OT', facilitator: 'Facilitator' };
export const STATUS_LABELS: Record<CardStatus, string> = { proposed: 'Proposed', agreed: 'Agreed', parked: 'Parked' };
