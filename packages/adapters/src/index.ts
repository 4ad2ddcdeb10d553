export * from './config/config';
export * from './composition/composition-root';
export * from './logging/logger';
