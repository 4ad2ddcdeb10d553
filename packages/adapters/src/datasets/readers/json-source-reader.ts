import type { DetectedLayout, ReadOptions, ReadProblem, ReadResult, TableCandidate } from '@spice/domain';
import { JsonColumns } from './json-columns';
import { numberedLines } from './json-lines';
import { JsonStructureError, scanJsonDocument, type DocumentShape } from './json-record-scanner';
import { openJsonText, type JsonTextSource } from './json-text-source';
import { describeJsonValue, JsonObject, JsonParseError, parseJsonValue } from './json-value-parser';
import { badInput, ProblemLog } from './parquet-read-report';
import { TextParquetWriter } from './parquet-text-writer';

/*
 * JSON (an array of objects, or an object holding arrays of objects) and NDJSON (one object per line). Values
 * become text: strings as they are, numbers as written (`1.50`), true/false, null as null, arrays (and nested
 * objects with nested: 'struct') as compact JSON text. A record that is not valid JSON or not an object is a
 * bad row, located by its line.
 */

type JsonFormat = 'json' | 'ndjson';

/** Records parsed for the columns a detection reports; the rest are only counted. */
const SAMPLE_RECORDS = 1000;

const lineOf = (text: string, offset: number, firstLine: number) =>
  firstLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0);

interface Sniffed {
  readonly format: JsonFormat;
  /** The first character of the content: `[` for a top-level array. */
  readonly opensWith: string;
}

/**
 * JSON or NDJSON, from the start of the content: a file whose first line is a whole object followed by more
 * text is NDJSON, anything else is one JSON document.
 */
async function sniff(source: JsonTextSource): Promise<Sniffed> {
  let head = '';
  for await (const chunk of source.chunks()) {
    head += chunk;
    const start = head.search(/\S/);
    if (start !== -1 && (head.indexOf('\n', start) !== -1 || head.length > 1 << 20)) break;
  }
  const start = head.search(/\S/);
  if (start === -1) {
    throw badInput([
      { rule: 'empty-file', message: 'The file holds only white space: there is no JSON in it.' },
    ]);
  }
  const opensWith = head[start]!;
  const newline = head.indexOf('\n', start);
  if (opensWith !== '{' || newline === -1 || !/\S/.test(head.slice(newline)))
    return { format: 'json', opensWith };
  try {
    return {
      format: parseJsonValue(head.slice(start, newline)) instanceof JsonObject ? 'ndjson' : 'json',
      opensWith,
    };
  } catch {
    return { format: 'json', opensWith };
  }
}

const structureProblem = (error: JsonStructureError): ReadProblem => ({
  rule: 'invalid-json',
  line: error.line,
  message: error.message,
});

async function scanDocument(
  source: JsonTextSource,
  visitor: Parameters<typeof scanJsonDocument>[1],
): Promise<DocumentShape> {
  let shape: DocumentShape;
  try {
    shape = await scanJsonDocument(source.chunks(), visitor);
  } catch (error) {
    if (error instanceof JsonStructureError) throw badInput([structureProblem(error)]);
    throw error;
  }
  if (shape.root === 'none') {
    throw badInput([
      { rule: 'empty-file', message: 'The file holds only white space: there is no JSON in it.' },
    ]);
  }
  if (shape.root === 'scalar') {
    throw badInput([
      {
        rule: 'no-table',
        line: 1,
        message: 'The JSON document is a single value, not an array of objects or an object holding one.',
      },
    ]);
  }
  if (shape.trailingLine !== null) {
    throw badInput([
      {
        rule: 'invalid-json',
        line: shape.trailingLine,
        message:
          `Line ${shape.trailingLine} starts a second JSON value after the first one ended; ` +
          'if the file holds one object per line, read it as NDJSON.',
      },
    ]);
  }
  return shape;
}

/** Arrays that hold records, best first: most records, then the shallowest path. */
const recordArrays = (shape: DocumentShape) =>
  [...shape.arrays.values()]
    .filter((array) => array.objects > 0 || array.path === '$')
    .sort((a, b) => b.objects - a.objects || a.path.length - b.path.length);

interface SampleStats {
  columns: JsonColumns;
  parsed: number;
  bad: number;
  firstBadLine: number | null;
}

function sampleNotes(sample: SampleStats | undefined, total: number): string[] {
  if (!sample) return [];
  return [
    ...(total > sample.parsed + sample.bad
      ? [`columns from the first ${SAMPLE_RECORDS.toLocaleString('en')} records; later records may add more`]
      : []),
    ...(sample.bad > 0
      ? [
          `${sample.bad} of the first ${sample.parsed + sample.bad} records are not JSON objects (the first on line ${sample.firstBadLine})`,
        ]
      : []),
    ...sample.columns.columnProblems().map((problem) => problem.message),
  ];
}

function sampleRecord(
  samples: Map<string, SampleStats>,
  nested: 'flatten' | 'struct',
  path: string,
  text: string,
  line: number,
) {
  let sample = samples.get(path);
  if (!sample) {
    sample = { columns: new JsonColumns(nested), parsed: 0, bad: 0, firstBadLine: null };
    samples.set(path, sample);
  }
  try {
    const value = parseJsonValue(text);
    if (value instanceof JsonObject) {
      sample.columns.valuesOf(value, line);
      sample.parsed += 1;
      return;
    }
  } catch (error) {
    if (!(error instanceof JsonParseError)) throw error;
  }
  sample.bad += 1;
  sample.firstBadLine ??= line;
}

const layoutOf = (
  format: JsonFormat,
  source: JsonTextSource,
  tableCandidates: readonly TableCandidate[],
): DetectedLayout => ({
  format,
  encoding: source.encoding,
  hadByteOrderMark: source.hadByteOrderMark,
  delimiter: null,
  quote: null,
  hasHeader: true,
  sheets: [],
  tableCandidates,
});

/**
 * The format and the record arrays (candidates, best first; `range` is the record path). Streams the whole
 * file to count records and find every array, but parses only the first records of each for its columns.
 */
export async function detectJson(
  filePath: string,
  options: Partial<ReadOptions> = {},
): Promise<DetectedLayout> {
  const source = await openJsonText(filePath, options.encoding);
  const { format } = await sniff(source);
  const nested = options.nested ?? 'flatten';
  const samples = new Map<string, SampleStats>();
  if (format === 'ndjson') {
    let count = 0;
    for await (const { line, text } of numberedLines(source.chunks())) {
      if (text.trim() === '') continue;
      count += 1;
      if (count <= SAMPLE_RECORDS) sampleRecord(samples, nested, '', text, line);
    }
    const sample = samples.get('');
    return layoutOf(format, source, [
      {
        sheet: '',
        range: '',
        headerRow: 0,
        columns: sample?.columns.names ?? [],
        rowCount: count,
        notes: ['one JSON object per line', ...sampleNotes(sample, count)],
      },
    ]);
  }
  const shape = await scanDocument(source, {
    capture: (_path, index) => index < SAMPLE_RECORDS,
    onElement: ({ path, text, line }) => sampleRecord(samples, nested, path, text, line),
  });
  const arrays = recordArrays(shape);
  return layoutOf(
    format,
    source,
    arrays.map((array) => ({
      sheet: '',
      range: array.path,
      headerRow: 0,
      columns: samples.get(array.path)?.columns.names ?? [],
      rowCount: array.count,
      notes: [
        array.path === '$' ? 'records are the top-level array' : `records are the array at ${array.path}`,
        ...sampleNotes(samples.get(array.path), array.count),
      ],
    })),
  );
}

/**
 * Reads the records (for JSON, those of options.range, by default the biggest array of objects) into a
 * Parquet file of text columns, in one streaming pass (two when the record path of a top-level object has to
 * be found first).
 */
export async function readJson(
  filePath: string,
  options: ReadOptions,
  outputPath: string,
): Promise<ReadResult> {
  const source = await openJsonText(filePath, options.encoding);
  const sniffed = await sniff(source);
  const format: JsonFormat =
    options.format === 'json' || options.format === 'ndjson' ? options.format : sniffed.format;
  const nested = options.nested ?? 'flatten';
  const columns = new JsonColumns(nested);
  const problems = new ProblemLog();
  let badRows = 0;
  const writer = await TextParquetWriter.create();
  try {
    await writer.ensureColumns(0);
    const take = async (text: string, line: number, where: string) => {
      let value;
      try {
        value = parseJsonValue(text);
      } catch (error) {
        if (!(error instanceof JsonParseError)) throw error;
        badRows += 1;
        const at = lineOf(text, error.offset, line);
        problems.add({
          rule: 'invalid-json',
          line: at,
          message: `Line ${at}${where} is not valid JSON: ${error.message}.`,
        });
        return;
      }
      if (!(value instanceof JsonObject)) {
        badRows += 1;
        problems.add({
          rule: 'not-an-object',
          line,
          message: `Line ${line}${where} holds ${describeJsonValue(value)} rather than an object; every record must be a JSON object.`,
        });
        return;
      }
      const values = columns.valuesOf(value, line);
      if (values.length > writer.columnCount) await writer.ensureColumns(values.length);
      writer.appendRow(values);
    };

    let path = '';
    if (format === 'ndjson') {
      for await (const { line, text } of numberedLines(source.chunks())) {
        if (text.trim() !== '') await take(text, line, '');
      }
    } else {
      path = options.range ?? (sniffed.opensWith === '[' ? '$' : await defaultRecordPath(source));
      const wanted = path;
      const shape = await scanDocument(source, {
        capture: (arrayPath) => arrayPath === wanted,
        onElement: ({ text, line, index }) => take(text, line, ` (record ${wanted}[${index}])`),
      });
      if (!shape.arrays.has(wanted)) {
        const known = recordArrays(shape).map((array) => array.path);
        throw badInput([
          {
            rule: 'unknown-path',
            message:
              `The JSON document has no array at ${wanted}; ` +
              (known.length > 0
                ? `its arrays of records are at ${known.join(', ')}.`
                : 'it holds no array of records.'),
          },
        ]);
      }
    }

    if (columns.columnProblems().length > 0)
      throw badInput([...columns.columnProblems(), ...problems.problems()]);
    if (badRows > 0 && options.badRows === 'fail') throw badInput(problems.problems());
    const where = format === 'ndjson' ? 'The file' : `The array at ${path}`;
    if (writer.rowCount === 0) {
      throw badInput([
        badRows > 0
          ? { rule: 'no-rows', message: `${where} holds no valid record: every one of them is bad.` }
          : { rule: 'no-rows', message: `${where} holds no records.` },
      ]);
    }
    if (columns.names.length === 0) {
      throw badInput([
        { rule: 'no-columns', message: `${where} holds only empty objects: there are no fields to read.` },
      ]);
    }
    const rowCount = await writer.finish(columns.names, outputPath);
    const table: TableCandidate = {
      sheet: '',
      range: path,
      headerRow: 0,
      columns: columns.names,
      rowCount,
      notes: [
        format === 'ndjson'
          ? 'one JSON object per line'
          : path === '$'
            ? 'records are the top-level array'
            : `records are the array at ${path}`,
        nested === 'flatten'
          ? 'nested objects flattened into parent.child columns; arrays kept as JSON text'
          : 'nested objects and arrays kept as JSON text',
      ],
    };
    return {
      layout: layoutOf(format, source, [table]),
      columns: columns.names,
      rowCount,
      skippedRows: badRows,
      problems: problems.problems(),
      table,
    };
  } catch (error) {
    await writer.discard();
    throw error;
  }
}

/** The biggest array of objects in a top-level object, found by a first pass over the document. */
async function defaultRecordPath(source: JsonTextSource): Promise<string> {
  const shape = await scanDocument(source, { capture: () => false, onElement: () => undefined });
  const [best] = recordArrays(shape);
  if (!best) {
    throw badInput([
      {
        rule: 'no-table',
        message:
          'The JSON document is an object without any array of objects, so it holds no table of records.',
      },
    ]);
  }
  return best.path;
}
