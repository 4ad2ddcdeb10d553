import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The labelled corpus in packages/domain/src/datasets/inference/corpus (see SOURCES.md there). */
export const CORPUS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../packages/domain/src/datasets/inference/corpus',
);

export const LABELS = [
  'integer',
  'long',
  'decimal',
  'double',
  'boolean',
  'date',
  'timestamp',
  'email',
  'phone',
  'url',
  'money',
  'enum',
  'geopoint',
  'identifier',
  'string',
] as const;
export type Label = (typeof LABELS)[number];

export interface CorpusColumn {
  readonly file: string;
  readonly source: string;
  readonly name: string;
  readonly values: readonly (string | null)[];
  readonly expected: Label;
  /** Temporal: the pattern, or "ambiguous"; money: the currency; geopoint: the layout. */
  readonly format: string;
  readonly note: string;
}

/** RFC 4180 fields of one line (the labels file has no line breaks inside fields). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

export function loadCorpus(): CorpusColumn[] {
  const lines = readFileSync(join(CORPUS_DIR, 'labels.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const labels = new Map<string, { expected: Label; format: string; note: string }>();
  for (const line of lines.slice(1)) {
    const [file, column, expected, format = '', note = ''] = csvFields(line);
    if (!(LABELS as readonly string[]).includes(expected!))
      throw new Error(`labels.csv: unknown label "${expected}" for ${file}/${column}`);
    labels.set(`${file}\u0000${column}`, { expected: expected as Label, format, note });
  }
  const columns: CorpusColumn[] = [];
  for (const entry of readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = entry.slice(0, -'.json'.length);
    const data = JSON.parse(readFileSync(join(CORPUS_DIR, entry), 'utf8')) as {
      source: string;
      columns: { name: string; values: (string | null)[] }[];
    };
    for (const c of data.columns) {
      const label = labels.get(`${file}\u0000${c.name}`);
      if (!label) throw new Error(`labels.csv has no label for ${file}/${c.name}`);
      columns.push({ file, source: data.source, name: c.name, values: c.values, ...label });
    }
  }
  if (columns.length !== labels.size)
    throw new Error(`labels.csv labels ${labels.size} columns but the corpus has ${columns.length}`);
  return columns;
}
