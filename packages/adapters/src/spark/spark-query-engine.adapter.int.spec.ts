import { afterAll, expect, it } from 'vitest';
import { testQueryEngine } from '@spice/domain/contracts';
import { writeQueryEngineFixture } from '../duckdb/query-engine-fixture.int-support';
import { sparkConfigFromStackEnv } from './spark-stack-env.int-support';
import { SparkQueryEngine } from './spark-query-engine.adapter';

const sparkConfigIn = sparkConfigFromStackEnv();
const fixture = await writeQueryEngineFixture();
afterAll(() => fixture.cleanup());
const config = sparkConfigIn(fixture.dir);

// Every job is a spark-submit that starts a JVM (seconds each), so the contract keeps to five jobs.
testQueryEngine(
  `spark ${config.master}`,
  async () => {
    const engine = new SparkQueryEngine(config);
    return { engine, cleanup: () => engine.close() };
  },
  { parquetPath: fixture.parquetPath },
);

it('reports the Spark version of the configured spark-submit as its health', async () => {
  const engine = new SparkQueryEngine(config);

  const health = await engine.health();

  expect(health).toMatchObject({ component: 'query engine', adapter: 'spark', mode: 'real', up: true });
  expect(health.detail).toMatch(/^Spark \d+\.\d+\.\d+/);
});

it('reports a spark-submit that cannot run as down, naming it', async () => {
  const engine = new SparkQueryEngine({ ...config, sparkSubmit: `${fixture.dir}/no-such-spark-submit` });

  const health = await engine.health();

  expect(health.up).toBe(false);
  expect(health.detail).toContain('no-such-spark-submit');
});
