export * from './relational-store.contract';
export * from './object-store.contract';
export * from './search-index.contract';
export * from './query-engine.contract';
export * from './message-bus.contract';
export * from './processed-events.contract';
