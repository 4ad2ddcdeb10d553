import { afterAll } from 'vitest';
import { testQueryEngine } from '@spice/domain/contracts';
import { DuckDbQueryEngine } from './duckdb-query-engine.adapter';
import { writeQueryEngineFixture } from './query-engine-fixture.int-support';

const fixture = await writeQueryEngineFixture();
afterAll(() => fixture.cleanup());

testQueryEngine(
  'duckdb',
  async () => {
    const engine = new DuckDbQueryEngine();
    return { engine, cleanup: () => engine.close() };
  },
  { parquetPath: fixture.parquetPath },
);
