import { tmpdir } from 'node:os';
import {
  DomainError,
  isDomainError,
  type ComponentHealth,
  type DetectedLayout,
  type ReadOptions,
  type ReadResult,
  type SourceFormat,
  type TabularSourceReader,
} from '@spice/domain';
import { DelimitedTextReader, type DelimitedTextOptions } from './delimited-text-reader.adapter';
import { detectJson, readJson } from './json-source-reader';
import { detectParquet, readParquet } from './parquet-source-reader';
import { badInput, messageOf } from './parquet-read-report';
import { DEFAULT_READER_DUCKDB, withReaderDuckDb } from './reader-duckdb';
import { identifyBytes, readSourceBytes, type SourceFile } from './source-bytes';
import { chooseFormat, formatMismatch, unsupportedFile } from './source-format';
import { detectSpreadsheet, readSpreadsheet } from './spreadsheet-source-reader';

/** One format's reader, handed the upload once it is known to be worth trying in that format. */
interface FormatReader {
  detect(file: SourceFile, format: SourceFormat, options: Partial<ReadOptions>): Promise<DetectedLayout>;
  read(file: SourceFile, format: SourceFormat, options: ReadOptions, outputPath: string): Promise<ReadResult>;
}

export interface TabularSourceReaderSettings {
  readonly delimitedText?: DelimitedTextOptions;
}

/**
 * The one TabularSourceReader the ingest service calls. It looks at the upload's first and last bytes before
 * anything else: an empty file, or a binary file where text is expected ("This file is a PNG image, not CSV
 * text."), is refused there with its problem. Otherwise the format (the user's choice, else what the bytes and
 * then the name say) picks the reader that does the work.
 */
export class TabularSourceReaderAdapter implements TabularSourceReader {
  private readonly readers: Record<SourceFormat, FormatReader>;

  constructor(settings: TabularSourceReaderSettings = {}) {
    const delimited = new DelimitedTextReader(settings.delimitedText);
    const delimitedText: FormatReader = {
      detect: (file, format, options) => delimited.detect(file, format === 'tsv' ? 'tsv' : 'csv', options),
      read: (file, format, options, outputPath) =>
        delimited.read(file, format === 'tsv' ? 'tsv' : 'csv', options, outputPath),
    };
    const spreadsheet: FormatReader = {
      detect: (file, _format, options) => detectSpreadsheet(file.path, options),
      read: (file, _format, options, outputPath) => readSpreadsheet(file.path, options, outputPath),
    };
    // The JSON reader reads both JSON and NDJSON, told which by options.format.
    const json: FormatReader = {
      detect: (file, format, options) => detectJson(file.path, { ...options, format }),
      read: (file, format, options, outputPath) => readJson(file.path, { ...options, format }, outputPath),
    };
    const parquet: FormatReader = {
      detect: (file, _format, options) => detectParquet(file.path, options),
      read: (file, _format, options, outputPath) => readParquet(file.path, options, outputPath),
    };
    this.readers = { csv: delimitedText, tsv: delimitedText, xlsx: spreadsheet, json, ndjson: json, parquet };
  }

  async detect(
    filePath: string,
    fileName: string,
    options: Partial<ReadOptions> = {},
  ): Promise<DetectedLayout> {
    const { file, format } = await this.open(filePath, fileName, options.format);
    return this.readers[format].detect(file, format, options);
  }

  async read(
    filePath: string,
    fileName: string,
    options: ReadOptions,
    outputPath: string,
  ): Promise<ReadResult> {
    const { file, format } = await this.open(filePath, fileName, options.format);
    try {
      return await this.readers[format].read(file, format, options, outputPath);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'DATASET.BAD_INPUT' || error.context.layout) throw error;
      // A failed read is reviewed too: "read again" with another delimiter, encoding or sheet starts from what
      // was detected. Detecting looks at the file's start only, so it costs little next to the read.
      const layout = await this.readers[format].detect(file, format, options).catch(() => null);
      if (!layout) throw error;
      throw new DomainError({ code: error.code, kind: error.kind, message: error.message, context: { ...error.context, layout }, cause: error });
    }
  }

  async health(): Promise<ComponentHealth> {
    const base = { component: 'upload reader', adapter: 'duckdb', mode: 'embedded' } as const;
    try {
      const version = await withReaderDuckDb(tmpdir(), DEFAULT_READER_DUCKDB, async (connection) => {
        const reader = await connection.runAndReadAll('SELECT version()');
        return String(reader.getRows()[0]?.[0]);
      });
      return { ...base, up: true, detail: `DuckDB ${version}` };
    } catch (error) {
      return { ...base, up: false, detail: messageOf(error) };
    }
  }

  private async open(
    filePath: string,
    fileName: string,
    requested: SourceFormat | undefined,
  ): Promise<{ file: SourceFile; format: SourceFormat }> {
    const file: SourceFile = { path: filePath, name: fileName, bytes: await readSourceBytes(filePath) };
    if (file.bytes.size === 0)
      throw badInput([{ rule: 'empty-file', message: 'The file is empty (0 bytes).' }]);
    const kind = identifyBytes(file.bytes);
    const format = chooseFormat(file, kind, requested);
    if (format === null) throw badInput([unsupportedFile(kind)]);
    const mismatch = formatMismatch(kind, format);
    if (mismatch) throw badInput([mismatch]);
    return { file, format };
  }
}
