// The history feature: the timeline of every stored change of an open workshop, the board at
// any point, restoring to a point, undoing one participant's changes, and pinned points.
export { createHistoryService, type HistoryDeps, type HistoryService } from './historyService';
export { HistoryContext } from './historyContext';
export { HistoryButton } from './HistoryButton';
export { HistoryPanel } from './HistoryPanel';
