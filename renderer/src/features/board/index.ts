// The board feature: the store of an open workshop's board (snapshot + actions), the board view
// with its slots for other features, a read-only preview, and the labels every view shares.
export { createBoardStore, type BoardPolicy, type BoardState, type BoardStore, type CardChange, type Outcome, type SectionAccess } from './boardStore';
export { BoardView } from './BoardView';
export type { SaveState } from './BoardToolbar';
export { BoardPreview } from './BoardPreview';
export { BoardSlotsContext, emptySlots, type BoardSlots } from './boardSlots';
export { BoardStoreContext, useBoard, useBoardStore, useSectionAccess } from './useBoard';
export { SIDE_LABELS, STATUS_LABELS } from './labels';
export { setBoardLayout, useBoardLayout, type BoardLayout } from './boardLayout';
