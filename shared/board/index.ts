// The board model: sections and fields, operations over Yjs, and read-only snapshots.
export * from './sections';
export * from './boardErrors';
export * from './boardDoc';
export * from './boardOps';
export * from './boardOrder';
export * from './boardSnapshot';
export * from './roster';
export * from './boardShapes';
