// The document engine: the doc's roots, the shape language its schema is written in, total
// readers, and the update guard that checks structs against shapes.
export * from './roots';
export * from './shape';
export * from './readShape';
export * from './guardLimits';
export { checkUpdate, type GuardVerdict } from './updateGuard';
export * from './updateRefusal';
export * from './pendingChanges';
