import { join } from 'node:path';
import type { SparkQueryEngineConfig } from './spark-query-engine.adapter';

/**
 * The Spark engine config for integration specs, from the env that `scripts/stack env spark` prints.
 * Throws (failing the spec, not skipping it) when the stack is not up.
 */
export function sparkConfigFromStackEnv(): (workDir: string) => SparkQueryEngineConfig {
  const { SPARK_MASTER: master, SPARK_SUBMIT: sparkSubmit } = process.env;
  if (!master || !sparkSubmit) {
    throw new Error(
      'SPARK_MASTER and SPARK_SUBMIT are not set: run `bash scripts/stack up spark` and ' +
        '`eval "$(bash scripts/stack env spark)"`',
    );
  }
  return (workDir) => ({ kind: 'spark', master, sparkSubmit, workDir: join(workDir, 'spark-jobs') });
}
