export * from './command-log.repository';
export * from './object-type-read-model.repository';
export * from './relay-checkpoint.repository';
export * from './sequence-allocator.repository';
