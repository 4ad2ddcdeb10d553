import { rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  columnCast,
  sqlIdentifier,
  sqlLiteral,
  unavailable,
  type CastProblem,
  type CastResult,
  type ColumnStats,
  type ComponentHealth,
  type DatasetColumn,
  type DatasetEngine,
  type Page,
  type PageRequest,
  type ReadRestriction,
  type RowDiff,
} from '@spice/domain';
import { serialiseValue } from '../../duckdb/duckdb-result-values';
import { profileColumns } from './profile-columns';

const parquet = (path: string) => `read_parquet(${sqlLiteral(path)})`;

/**
 * The DatasetEngine on an embedded DuckDB: casts, profiles, pages and diffs Parquet files on local disk.
 * Bounded memory (spilling to a temp directory); pages and diffs on a shared instance, the ingest's work on its own.
 */
export class DuckDbDatasetEngine implements DatasetEngine {
  private instance: Promise<DuckDBInstance> | undefined;

  constructor(private readonly options: { readonly memoryLimit?: string; readonly threads?: number; readonly tempDirectory?: string } = {}) {}

  /**
   * One conversion pass: the typed file is written first (a value that does not read becomes null there), then
   * bad values are found by reading the text and typed files side by side (a positional join) — a present
   * text whose typed value is null — rather than by converting everything a second time.
   */
  async cast(input: string, schema: readonly DatasetColumn[], output: string, options: { badValues: 'fail' | 'skip'; maxProblems: number }): Promise<CastResult> {
    return this.withOwnInstance(async (c) => {
      const written = `${output}.typed`;
      const kept = `${output}.part`;
      const casts = schema.map((column) => columnCast(column));
      const textCasts = schema.map((column) => columnCast(column, 't'));
      try {
        const select = casts.map((x) => `CAST(${x.value} AS ${x.sqlType}) AS ${sqlIdentifier(x.column)}`).join(', ');
        await c.run(`COPY (SELECT ${select} FROM ${parquet(input)}) TO ${sqlLiteral(written)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE 40000)`);
        const pairs = `read_parquet(${sqlLiteral(input)}, file_row_number = true) AS t POSITIONAL JOIN read_parquet(${sqlLiteral(written)}) AS y`;
        const badOf = (i: number) => `(${textCasts[i]!.present} AND y.${sqlIdentifier(schema[i]!.name)} IS NULL)`;
        const missingOf = (i: number) => (schema[i]!.nullable ? 'false' : `(NOT ${textCasts[i]!.present})`);
        // Only columns that can hold a bad value are compared: plain optional text always converts.
        const checked = schema.flatMap((column, i) => (casts[i]!.canFail || !column.nullable ? [i] : []));
        const perColumn = checked.map(
          (i) =>
            `SELECT t.file_row_number + 1 AS row_number, ${sqlLiteral(schema[i]!.name)} AS column_name, CAST(t.${sqlIdentifier(schema[i]!.name)} AS VARCHAR) AS value,` +
            ` CASE WHEN ${missingOf(i)} THEN 'missing' ELSE 'bad' END AS kind, ${sqlLiteral(casts[i]!.expected)} AS expected FROM ${pairs} WHERE ${badOf(i)} OR ${missingOf(i)}`,
        );
        const problemsSql = perColumn.join(' UNION ALL ');
        const problemCount = checked.length === 0 ? 0 : Number((await c.runAndReadAll(`SELECT count(*) FROM (${problemsSql})`)).getRows()[0]![0]);
        const listed = problemCount === 0 ? [] : (await c.runAndReadAll(`${problemsSql} ORDER BY row_number, column_name LIMIT ${options.maxProblems}`)).getRows();
        const problems: CastProblem[] = listed.map(([row, column, value, kind, expected]) => ({
          rule: 'bad-value',
          row: Number(row),
          column: String(column),
          value: value === null ? '' : String(value),
          message:
            kind === 'missing'
              ? `Row ${Number(row)}, column "${String(column)}": is empty but the column is required`
              : `Row ${Number(row)}, column "${String(column)}": "${String(value)}" is not ${String(expected)}`,
        }));
        const totalRows = await parquetRowCount(c, input);
        if (problemCount > 0 && options.badValues === 'fail') return { rowCount: 0, skippedRows: 0, problems, problemCount };
        if (problemCount === 0) await rename(written, output);
        else {
          const anyBad = checked.map((i) => `${badOf(i)} OR ${missingOf(i)}`).join(' OR ');
          await c.run(`COPY (SELECT y.* FROM ${pairs} WHERE NOT (${anyBad})) TO ${sqlLiteral(kept)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE 40000)`);
          await rename(kept, output);
        }
        const rowCount = await parquetRowCount(c, output);
        return { rowCount, skippedRows: totalRows - rowCount, problems, problemCount };
      } finally {
        await rm(written, { force: true });
        await rm(kept, { force: true });
      }
    });
  }

  profile(file: string, schema: readonly DatasetColumn[]): Promise<ColumnStats[]> {
    return this.withOwnInstance(async (c) => profileColumns(c, parquet(file), await parquetRowCount(c, file), schema));
  }

  async sampleText(file: string, rows: number) {
    return this.withOwnInstance(async (c) => {
      const head = Math.ceil(rows / 2);
      const reader = await c.runAndReadAll(
        `(SELECT * FROM ${parquet(file)} LIMIT ${head}) UNION ALL ` +
          `(SELECT * FROM (SELECT * FROM ${parquet(file)} OFFSET ${head}) USING SAMPLE reservoir(${rows - head} ROWS) REPEATABLE (7))`,
      );
      const columns = reader.columnNames();
      return { columns, rows: reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v)))) };
    });
  }

  async page(file: string, request: PageRequest): Promise<Page> {
    return this.withConnection(async (c) => {
      const columns = (await columnNames(c, file)).filter((n) => !request.restriction.hiddenColumns.includes(n));
      const select = columns.map((n) => selectVisible(n, request.restriction)).join(', ');
      const order = request.sort ? ` ORDER BY ${sqlIdentifier(request.sort.column)} ${request.sort.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST` : '';
      const reader = await c.runAndReadAll(`SELECT ${select} FROM ${parquet(file)}${order} LIMIT ${request.limit} OFFSET ${request.offset}`);
      const types = reader.columnTypes();
      const rows = reader.getRows().map((r) => r.map((v, i) => serialiseValue(types[i]!, v)));
      return { columns, rows, totalRows: await parquetRowCount(c, file) };
    });
  }

  async diff(before: string, after: string, options: { key: readonly string[] | null; sampleSize: number; restriction: ReadRestriction }): Promise<RowDiff> {
    return this.withConnection(async (c) => {
      const afterColumns = new Set(await columnNames(c, after));
      const common = (await columnNames(c, before)).filter((n) => afterColumns.has(n) && !options.restriction.hiddenColumns.includes(n));
      const list = common.map(sqlIdentifier).join(', ');
      await c.run(`CREATE OR REPLACE TEMP VIEW diff_before AS SELECT ${list} FROM ${parquet(before)}`);
      await c.run(`CREATE OR REPLACE TEMP VIEW diff_after AS SELECT ${list} FROM ${parquet(after)}`);
      const rows = async (sql: string) => {
        const reader = await c.runAndReadAll(sql);
        const types = reader.columnTypes();
        const names = reader.columnNames();
        return reader.getRows().map((r) => masked(Object.fromEntries(r.map((v, i) => [names[i]!, serialiseValue(types[i]!, v)])), options.restriction));
      };
      const count = async (sql: string) => Number((await c.runAndReadAll(`SELECT count(*) FROM (${sql})`)).getRows()[0]![0]);
      const limit = ` LIMIT ${options.sampleSize}`;
      if (!options.key) {
        const addedSql = 'SELECT * FROM diff_after EXCEPT ALL SELECT * FROM diff_before';
        const removedSql = 'SELECT * FROM diff_before EXCEPT ALL SELECT * FROM diff_after';
        const added = await count(addedSql);
        return {
          comparedBy: 'whole-row',
          added,
          removed: await count(removedSql),
          changed: 0,
          unchanged: (await count('SELECT * FROM diff_after')) - added,
          samples: { added: await rows(addedSql + limit), removed: await rows(removedSql + limit), changed: [] },
        };
      }
      const key = options.key;
      const on = key.map((k) => `b.${sqlIdentifier(k)} = a.${sqlIdentifier(k)}`).join(' AND ');
      const values = common.filter((n) => !key.includes(n));
      const differs = values.length ? values.map((n) => `b.${sqlIdentifier(n)} IS DISTINCT FROM a.${sqlIdentifier(n)}`).join(' OR ') : 'false';
      await c.run(
        `CREATE OR REPLACE TEMP VIEW diff_joined AS SELECT ${key.map((k) => `b.${sqlIdentifier(k)} IS NOT NULL`).join(' AND ')} AS in_before, ` +
          `${key.map((k) => `a.${sqlIdentifier(k)} IS NOT NULL`).join(' AND ')} AS in_after, (${differs}) AS differs, ` +
          `${common.map((n) => `b.${sqlIdentifier(n)} AS ${sqlIdentifier(`before.${n}`)}, a.${sqlIdentifier(n)} AS ${sqlIdentifier(`after.${n}`)}`).join(', ')} ` +
          `FROM diff_before b FULL OUTER JOIN diff_after a ON ${on}`,
      );
      const [counts] = (
        await c.runAndReadAll(
          'SELECT count(*) FILTER (WHERE in_after AND NOT in_before), count(*) FILTER (WHERE in_before AND NOT in_after), ' +
            'count(*) FILTER (WHERE in_before AND in_after AND differs), count(*) FILTER (WHERE in_before AND in_after AND NOT differs) FROM diff_joined',
        )
      ).getRows();
      const side = (prefix: 'before' | 'after', where: string) =>
        rows(`SELECT ${common.map((n) => `${sqlIdentifier(`${prefix}.${n}`)} AS ${sqlIdentifier(n)}`).join(', ')} FROM diff_joined WHERE ${where}${limit}`);
      const changedBefore = await side('before', 'in_before AND in_after AND differs');
      const changedAfter = await side('after', 'in_before AND in_after AND differs');
      return {
        comparedBy: key,
        added: Number(counts![0]),
        removed: Number(counts![1]),
        changed: Number(counts![2]),
        unchanged: Number(counts![3]),
        samples: {
          added: await side('after', 'in_after AND NOT in_before'),
          removed: await side('before', 'in_before AND NOT in_after'),
          changed: changedBefore.map((b, i) => ({ key: Object.fromEntries(key.map((k) => [k, b[k]])), before: b, after: changedAfter[i]! })),
        },
      };
    });
  }

  async health(): Promise<ComponentHealth> {
    const base = { component: 'dataset engine', adapter: 'duckdb', mode: 'embedded' } as const;
    try {
      await this.withConnection((c) => c.run('SELECT 1'));
      return { ...base, up: true };
    } catch (e) {
      return { ...base, up: false, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  async close(): Promise<void> {
    const instance = await this.instance;
    this.instance = undefined;
    instance?.closeSync();
  }

  /** Pages and diffs share one instance that stays open (its caches keep previews fast). */
  private async withConnection<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    this.instance ??= this.openInstance().catch((e: unknown) => {
      this.instance = undefined;
      throw e;
    });
    return useInstance(await this.instance, work);
  }

  /**
   * Sampling, casting and profiling an upload each get an instance of their own, closed when they end: a shared
   * instance kept what each had used (~60 MiB after a 1 GiB file's sample), and the cast that came next began
   * from there, at the peak of an ingest.
   */
  private async withOwnInstance<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const instance = await this.openInstance();
    try {
      return await useInstance(instance, work);
    } finally {
      instance.closeSync();
    }
  }

  private async openInstance(): Promise<DuckDBInstance> {
    try {
      return await DuckDBInstance.create(':memory:', {
        // Casting and profiling stream row groups and spill what does not fit, so the limit bounds memory
        // whatever the file's size; 256 MB kept a 1 GiB ingest's peak within the reader's.
        memory_limit: this.options.memoryLimit ?? '256MB',
        threads: String(this.options.threads ?? 2),
        temp_directory: this.options.tempDirectory ?? join(tmpdir(), 'spice-duckdb'),
        // The typed file keeps the text file's row order (positional joins and row numbers rely on it).
        preserve_insertion_order: 'true',
        allocator_flush_threshold: '16MB',
      });
    } catch (e) {
      throw unavailable('DATASET.ENGINE_UNAVAILABLE', `The dataset engine (DuckDB) did not start: ${e instanceof Error ? e.message : String(e)}`, e);
    }
  }
}

async function useInstance<T>(instance: DuckDBInstance, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  let connection: DuckDBConnection;
  try {
    connection = await instance.connect();
  } catch (e) {
    throw unavailable('DATASET.ENGINE_UNAVAILABLE', `The dataset engine (DuckDB) did not connect: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
  }
}

async function parquetRowCount(c: DuckDBConnection, file: string): Promise<number> {
  return Number((await c.runAndReadAll(`SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata(${sqlLiteral(file)})`)).getRows()[0]![0]);
}

async function columnNames(c: DuckDBConnection, file: string): Promise<string[]> {
  return (await c.runAndReadAll(`DESCRIBE SELECT * FROM ${parquet(file)}`)).getRows().map((r) => String(r[0]));
}

function selectVisible(name: string, restriction: ReadRestriction): string {
  const mask = restriction.maskedColumns.find((m) => m.column === name);
  return mask ? `${sqlLiteral(mask.mask)} AS ${sqlIdentifier(name)}` : sqlIdentifier(name);
}

function masked(row: Record<string, unknown>, restriction: ReadRestriction): Record<string, unknown> {
  for (const { column, mask } of restriction.maskedColumns) if (column in row) row[column] = mask;
  return row;
}
