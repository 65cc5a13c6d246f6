// The workshop's history: stored changes as records (who, when, what), the timeline people
// read, the board at any point, restoring to a point or undoing one participant's changes, the
// facilitator's pinned points, and how much history is kept.
export * from './historyShapes';
export * from './historyRecord';
export * from './changeSummary';
export * from './clientAttestation';
export * from './historyPins';
export * from './historyReplay';
export * from './timeline';
export * from './restore';
export * from './historyRetention';
