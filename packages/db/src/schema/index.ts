export * from './aggregate-sequences';
export * from './commands';
export * from './object-types';
export * from './processed-events';
export * from './projection-versions';
export * from './event-ledger';
export * from './handler-fences';
