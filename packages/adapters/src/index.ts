export * from './config/config';
export * from './composition/composition-root';
export * from './logging/logger';
export * from './datasets/files/receive-upload';
export * from './datasets/readers/tabular-source-reader.adapter';
