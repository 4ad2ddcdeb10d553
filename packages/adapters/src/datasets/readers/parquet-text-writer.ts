import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { sqlLiteral, sqlIdentifier } from '@spice/domain';


// Staging columns get positional names: the real names may differ only in case or hold any character, and are
// only given to the Parquet file once they have been checked.
const stagingColumn = (index: number) => `c${index + 1}`;

/**
 * Rows of nullable text appended one at a time and written out as one Parquet file of VARCHAR columns. Rows go
 * to a DuckDB database file in a temporary folder (not to memory), so a file of any size is converted with
 * bounded memory. Columns may be added while rows are appended (a JSON key first seen on row 90,000): rows
 * already appended hold null there. The Parquet file appears at outputPath only when it is complete.
 */
export class TextParquetWriter {
  private columns = 0;
  private rows = 0;
  private appender: DuckDBAppender | undefined;
  private released = false;

  private constructor(
    private readonly folder: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async create(): Promise<TextParquetWriter> {
    const folder = await mkdtemp(join(tmpdir(), 'spice-text-parquet-'));
    try {
      const instance = await DuckDBInstance.create(join(folder, 'staging.duckdb'), {
        memory_limit: '128MB',
        temp_directory: join(folder, 'spill'),
      });
      const connection = await instance.connect();
      await connection.run('CREATE TABLE staging (c0 BOOLEAN)');
      return new TextParquetWriter(folder, instance, connection);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  get columnCount(): number {
    return this.columns;
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Widens the table to `count` columns; rows can only be appended once this has been called. */
  async ensureColumns(count: number): Promise<void> {
    if (count <= this.columns && this.appender) return;
    this.closeAppender();
    for (let index = this.columns; index < count; index += 1) {
      await this.connection.run(`ALTER TABLE staging ADD COLUMN ${stagingColumn(index)} VARCHAR`);
    }
    this.columns = Math.max(this.columns, count);
    this.appender = await this.connection.createAppender('staging');
  }

  /** Appends one row; values past its end are null. Synchronous, so a streaming parser can call it as rows pass. */
  appendRow(values: readonly (string | null | undefined)[]): void {
    const appender = this.appender;
    if (!appender) throw new Error('ensureColumns must be called before rows are appended');
    // c0 only exists because DuckDB has no table without columns; it is left out of the Parquet file.
    appender.appendNull();
    for (let index = 0; index < this.columns; index += 1) {
      const value = values[index];
      if (value === null || value === undefined) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.endRow();
    this.rows += 1;
  }

  /** Writes the Parquet file with these column names (one per column, already checked) and releases everything. */
  async finish(columnNames: readonly string[], outputPath: string): Promise<number> {
    if (columnNames.length !== this.columns) {
      throw new Error(`${columnNames.length} column names for ${this.columns} columns`);
    }
    const partial = `${outputPath}.partial`;
    try {
      this.closeAppender();
      await mkdir(dirname(outputPath), { recursive: true });
      const select = columnNames
        .map((name, index) => `${stagingColumn(index)} AS ${sqlIdentifier(name)}`)
        .join(', ');
      await this.connection.run(
        `COPY (SELECT ${select} FROM staging) TO ${sqlLiteral(partial)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      await rename(partial, outputPath);
      return this.rows;
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    } finally {
      await this.discard();
    }
  }

  /** Releases the staging database and its folder; safe to call more than once. */
  async discard(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      this.closeAppender();
    } catch {
      // The rows are being thrown away: a failing flush has nothing left to lose.
    }
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.folder, { recursive: true, force: true });
  }

  private closeAppender(): void {
    const appender = this.appender;
    this.appender = undefined;
    appender?.closeSync();
  }
}
