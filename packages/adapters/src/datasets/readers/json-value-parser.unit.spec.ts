import { describe, expect, it } from 'vitest';
import { JsonNumber, JsonObject, JsonParseError, jsonText, parseJsonValue } from './json-value-parser';

const failure = (text: string) => {
  try {
    parseJsonValue(text);
  } catch (error) {
    if (error instanceof JsonParseError) return [error.message, error.offset];
    throw error;
  }
  throw new Error(`parsed: ${text}`);
};

describe('parseJsonValue', () => {
  it('keeps numbers exactly as written and keys in their written order', () => {
    const value = parseJsonValue(
      '{"2024": 1.50, "a": 12345678901234567890, "1": -0e-0, "s": "x\\"y\\u00e9"}',
    );
    expect(value).toEqual(
      new JsonObject([
        ['2024', new JsonNumber('1.50')],
        ['a', new JsonNumber('12345678901234567890')],
        ['1', new JsonNumber('-0e-0')],
        ['s', 'x"yé'],
      ]),
    );
    expect(jsonText(value)).toBe('{"2024":1.50,"a":12345678901234567890,"1":-0e-0,"s":"x\\"yé"}');
  });

  it('parses arrays, literals and nesting', () => {
    expect(jsonText(parseJsonValue(' [true, false, null, [], {}, [{"k": [1]}]] '))).toBe(
      '[true,false,null,[],{},[{"k":[1]}]]',
    );
  });

  it('locates every fault by its offset', () => {
    expect(failure('{"a": 1, "a": 2}')).toEqual(['the key "a" appears twice in one object', 9]);
    expect(failure('{"a": 1,}')).toEqual(["expected a key in double quotes, found '}'", 8]);
    expect(failure('{"a" 1}')).toEqual(["expected ':' after the key \"a\", found '1'", 5]);
    expect(failure('[1 2]')).toEqual(["expected ',' or ']' after an array item, found '2'", 3]);
    expect(failure('{"a": 01}')).toEqual(["expected ',' or '}' after a value, found '1'", 7]);
    expect(failure('{"a": tru}')).toEqual(["unexpected 't' where a value should be", 6]);
    expect(failure('"abc')).toEqual(['a string is not closed', 0]);
    expect(failure('"a\nb"')).toEqual([
      'a string holds a raw control character (a line break must be written \\n)',
      2,
    ]);
    expect(failure('"\\x"')).toEqual(['a string holds an invalid escape sequence', 0]);
    expect(failure('{} {}')).toEqual(["unexpected '{' after the value", 3]);
    expect(failure('[')).toEqual(['the text ends where a value should be', 1]);
    expect(failure('['.repeat(300) + ']'.repeat(300))[0]).toBe('values are nested more than 256 levels deep');
  });
});
