import type { ReadProblem } from '@spice/domain';
import { JsonNumber, JsonObject, jsonText, type JsonValue } from './json-value-parser';

/**
 * The columns of a stream of JSON records: the union of their keys in the order they are first seen. With
 * `flatten`, a nested object's fields become `parent.child` columns (an empty object stays `{}` text); with
 * `struct`, a nested object is one column holding its JSON text. Arrays are always JSON text. A key that
 * cannot be a column name of its own — empty, or equal to another apart from case, or `a.b` next to a nested
 * `a` → `b` — is a problem, reported once; its values are left out until the source is fixed.
 */
/** One key at one level of nesting: the column it became (or null when refused), and the keys below it. */
interface KeyNode {
  readonly children: Map<string, KeyNode>;
  column?: number | null;
}

const newNode = (): KeyNode => ({ children: new Map() });

export class JsonColumns {
  readonly names: string[] = [];
  // Keys are looked up level by level, so a record's known keys cost a map lookup each and build no strings.
  private readonly keys = newNode();
  /** Lower-cased name -> the key path it came from, to tell `Name`/`name` and `a.b`/`a`→`b` apart. */
  private readonly origins = new Map<string, readonly string[]>();
  private readonly problems: ReadProblem[] = [];

  constructor(private readonly nested: 'flatten' | 'struct') {}

  /** The record's values, one per column known after it (new keys become new columns at the end). */
  valuesOf(record: JsonObject, line: number): (string | null)[] {
    const values: (string | null)[] = new Array<string | null>(this.names.length).fill(null);
    this.collect(record, this.keys, [], line, values);
    return values;
  }

  /** Column problems found so far; any of them means the read cannot produce a table. */
  columnProblems(): readonly ReadProblem[] {
    return this.problems;
  }

  private collect(
    object: JsonObject,
    level: KeyNode,
    path: readonly string[],
    line: number,
    values: (string | null)[],
  ): void {
    for (const [key, value] of object.entries) {
      let node = level.children.get(key);
      if (!node) {
        node = newNode();
        level.children.set(key, node);
      }
      if (this.nested === 'flatten' && value instanceof JsonObject && value.entries.length > 0) {
        this.collect(value, node, [...path, key], line, values);
        continue;
      }
      node.column ??= this.register([...path, key], line);
      if (node.column !== null) values[node.column] = cellText(value);
    }
  }

  /** A new key path becomes the next column, or a problem (reported once) when it cannot be a column name. */
  private register(keyPath: readonly string[], line: number): number | null {
    const name = keyPath.join('.');
    const shown = (path: readonly string[]) => path.map((key) => JSON.stringify(key)).join(' → ');
    if (keyPath.some((key) => key.trim() === '')) {
      this.problems.push({
        rule: 'empty-header',
        line,
        column: name,
        message: `Line ${line}: the key ${shown(keyPath)} is empty, so it cannot name a column; give it a name in the source.`,
      });
      return null;
    }
    const earlier = this.origins.get(name.toLowerCase());
    if (earlier) {
      this.problems.push({
        rule: 'duplicate-header',
        line,
        column: name,
        message:
          `Line ${line}: the key ${shown(keyPath)} and the key ${shown(earlier)} seen before it would both be the column ` +
          `"${name}" (column names are compared without case); rename one of them in the source.`,
      });
      return null;
    }
    this.origins.set(name.toLowerCase(), keyPath);
    this.names.push(name);
    return this.names.length - 1;
  }
}

function cellText(value: JsonValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return value.text;
  return jsonText(value);
}
