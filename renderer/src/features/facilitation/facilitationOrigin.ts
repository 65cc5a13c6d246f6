// Origin of facilitation writes: stored and synced, never undone by the board's Ctrl+Z.
export const FACILITATION = { name: 'bridgeboard-facilitation' } as const;
