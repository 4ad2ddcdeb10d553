import { afterAll, expect, it } from 'vitest';
import { queryEngineFixture } from '@spice/domain/contracts';
import { DuckDbQueryEngine } from '../duckdb/duckdb-query-engine.adapter';
import { writeQueryEngineFixture } from '../duckdb/query-engine-fixture.int-support';
import { sparkConfigFromStackEnv } from './spark-stack-env.int-support';
import { SparkQueryEngine } from './spark-query-engine.adapter';

const sparkConfigIn = sparkConfigFromStackEnv();
const fixture = await writeQueryEngineFixture();
const duckdb = new DuckDbQueryEngine();
const spark = new SparkQueryEngine(sparkConfigIn(fixture.dir));
afterAll(async () => {
  await Promise.all([duckdb.close(), spark.close()]);
  await fixture.cleanup();
});

it('a SQL aggregate through Spark local mode and through DuckDB over the same Parquet file gives the same rows', async () => {
  const { table } = queryEngineFixture;
  const job = {
    sql:
      `SELECT region, COUNT(*) AS orders, COUNT(amount) AS priced, SUM(amount) AS total, AVG(amount) AS average, ` +
      `MIN(amount) AS smallest, MAX(price) AS dearest, MIN(ordered_at) AS first_day, MAX(created_at) AS last_seen, ` +
      `SUM(CASE WHEN active THEN 1 ELSE 0 END) AS active_orders ` +
      `FROM ${table} WHERE id > 10 GROUP BY region ORDER BY region`,
    inputs: { [table]: fixture.parquetPath },
  };

  const [throughDuckDb, throughSpark] = await Promise.all([duckdb.run(job), spark.run(job)]);

  expect(throughDuckDb.rows).toHaveLength(4);
  expect(throughSpark.rows).toEqual(throughDuckDb.rows);
  expect(throughSpark.schema).toEqual(throughDuckDb.schema);
});
