// The versioned .bridgeboard workshop file: format, codec and its typed errors.
export * from './workshopFileFormat';
export * from './workshopFileErrors';
export * from './workshopFileCodec';
