// English labels for the board's enums, for features not yet localized (none uses them since room and join were). Views
// that speak the reader's language use sideLabel and statusLabel from core/i18n instead.
import type { CardStatus, Side } from '../../../../shared/board';

export const SIDE_LABELS: Record<Side, string> = { IT: 'IT', OT: 'OT', facilitator: 'Neutral' };
export const STATUS_LABELS: Record<CardStatus, string> = { proposed: 'Proposed', agreed: 'Agreed', parked: 'Parked' };
