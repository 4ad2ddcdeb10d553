export * from './command-log.repository';
export * from './object-type-read-model.repository';
export * from './event-ledger.repository';
export * from './processed-events.repository';
export * from './handler-fence.repository';
export * from './object-type-rebuild.repository';
export * from './ingest-job.repository';
export * from './connector-run.repository';
