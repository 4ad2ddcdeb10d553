/**
 * A JSON parser that keeps what JSON.parse loses for a table of text: a number's exact literal (`1.50` stays
 * `1.50`, `12345678901234567890` keeps every digit) and the order of an object's keys as written (a plain
 * object moves integer-like keys such as "2024" to the front). Duplicate keys in one object are an error
 * rather than last-one-wins, so no value is dropped without a word.
 */

export class JsonNumber {
  constructor(readonly text: string) {}
}

export class JsonObject {
  constructor(readonly entries: readonly (readonly [string, JsonValue])[]) {}
}

export type JsonValue = string | boolean | null | JsonNumber | JsonObject | readonly JsonValue[];

export class JsonParseError extends Error {
  constructor(
    message: string,
    /** Offset in the parsed text where the fault was found. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonParseError';
  }
}

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const describeChar = (text: string, offset: number) =>
  offset >= text.length ? 'the end of the text' : `'${text[offset]}'`;

class Parser {
  private offset = 0;

  constructor(private readonly text: string) {}

  document(): JsonValue {
    this.skipSpace();
    const value = this.value(0);
    this.skipSpace();
    if (this.offset < this.text.length)
      this.fail(`unexpected ${describeChar(this.text, this.offset)} after the value`);
    return value;
  }

  private fail(message: string, offset = this.offset): never {
    throw new JsonParseError(message, offset);
  }

  private skipSpace(): void {
    const { text } = this;
    let offset = this.offset;
    for (let code = text.charCodeAt(offset); code === 32 || code === 10 || code === 13 || code === 9;) {
      code = text.charCodeAt(++offset);
    }
    this.offset = offset;
  }

  private value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail(`values are nested more than ${MAX_DEPTH} levels deep`);
    switch (this.text.charCodeAt(this.offset)) {
      case 123: // {
        return this.object(depth);
      case 91: // [
        return this.array(depth);
      case 34: // "
        return this.string();
      case 116: // t
        return this.literal('true', true);
      case 102: // f
        return this.literal('false', false);
      case 110: // n
        return this.literal('null', null);
      default:
        return this.number();
    }
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.offset)) {
      this.fail(`unexpected ${describeChar(this.text, this.offset)} where a value should be`);
    }
    this.offset += word.length;
    return value;
  }

  private number(): JsonNumber {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (!match) {
      this.fail(
        this.offset >= this.text.length
          ? 'the text ends where a value should be'
          : `unexpected ${describeChar(this.text, this.offset)} where a value should be`,
      );
    }
    this.offset += match[0].length;
    return new JsonNumber(match[0]);
  }

  private string(): string {
    const { text } = this;
    const start = this.offset + 1;
    let offset = start;
    let escaped = false;
    for (;;) {
      const code = text.charCodeAt(offset);
      if (code === 34) break;
      if (Number.isNaN(code)) this.fail('a string is not closed', this.offset);
      if (code < 32)
        this.fail('a string holds a raw control character (a line break must be written \\n)', offset);
      if (code === 92) {
        escaped = true;
        offset += 2;
      } else {
        offset += 1;
      }
    }
    this.offset = offset + 1;
    if (!escaped) return text.slice(start, offset);
    try {
      return JSON.parse(text.slice(start - 1, offset + 1)) as string;
    } catch {
      return this.fail('a string holds an invalid escape sequence', start - 1);
    }
  }

  private array(depth: number): JsonValue[] {
    const items: JsonValue[] = [];
    this.offset += 1;
    this.skipSpace();
    if (this.text.charCodeAt(this.offset) === 93) {
      this.offset += 1;
      return items;
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value(depth + 1));
      this.skipSpace();
      const code = this.text.charCodeAt(this.offset);
      this.offset += 1;
      if (code === 93) return items;
      if (code !== 44)
        this.fail(
          `expected ',' or ']' after an array item, found ${describeChar(this.text, this.offset - 1)}`,
          this.offset - 1,
        );
    }
  }

  private object(depth: number): JsonObject {
    const entries: [string, JsonValue][] = [];
    const keys = new Set<string>();
    this.offset += 1;
    this.skipSpace();
    if (this.text.charCodeAt(this.offset) === 125) {
      this.offset += 1;
      return new JsonObject(entries);
    }
    for (;;) {
      this.skipSpace();
      const keyOffset = this.offset;
      if (this.text.charCodeAt(keyOffset) !== 34) {
        this.fail(`expected a key in double quotes, found ${describeChar(this.text, keyOffset)}`);
      }
      const key = this.string();
      if (keys.has(key)) this.fail(`the key "${key}" appears twice in one object`, keyOffset);
      keys.add(key);
      this.skipSpace();
      if (this.text.charCodeAt(this.offset) !== 58) {
        this.fail(`expected ':' after the key "${key}", found ${describeChar(this.text, this.offset)}`);
      }
      this.offset += 1;
      this.skipSpace();
      entries.push([key, this.value(depth + 1)]);
      this.skipSpace();
      const code = this.text.charCodeAt(this.offset);
      this.offset += 1;
      if (code === 125) return new JsonObject(entries);
      if (code !== 44)
        this.fail(
          `expected ',' or '}' after a value, found ${describeChar(this.text, this.offset - 1)}`,
          this.offset - 1,
        );
    }
  }
}

/** Parses one JSON value; throws JsonParseError with the offset of the fault. */
export const parseJsonValue = (text: string): JsonValue => new Parser(text).document();

/** Compact JSON text of a parsed value: the keys in their order, the numbers as they were written. */
export function jsonText(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return value.text;
  if (value instanceof JsonObject) {
    return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`).join(',')}}`;
  }
  return `[${value.map(jsonText).join(',')}]`;
}

export function describeJsonValue(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (value instanceof JsonNumber) return 'a number';
  if (value instanceof JsonObject) return 'an object';
  return 'an array';
}
