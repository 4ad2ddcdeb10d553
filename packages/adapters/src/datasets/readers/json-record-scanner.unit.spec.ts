import { describe, expect, it } from 'vitest';
import { JsonStructureError, scanJsonDocument, type JsonElement } from './json-record-scanner';

async function* inChunks(text: string, size: number): AsyncIterable<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

async function scan(text: string, size = text.length || 1) {
  const elements: JsonElement[] = [];
  const shape = await scanJsonDocument(inChunks(text, size), {
    capture: () => true,
    onElement: (element) => {
      elements.push(element);
    },
  });
  return { shape, elements };
}

const DOCUMENT = `{
  "meta": {"note": "a ] and a } and a \\" in a string", "tags": ["x", "y"]},
  "data": [
    {"id": 1, "s": "[{"},
    {"id": 2, "nested": {"list": [1, 2, {"deep": []}]}},
    "not an object",
    17
  ],
  "page": {"rows": [{"n": 1}]},
  "we\\"ird": [{"k": 1}]
}`;

describe('scanJsonDocument', () => {
  it('finds every array reached through keys, with its records and the lines they start on', async () => {
    const { shape, elements } = await scan(DOCUMENT);
    expect(shape.root).toBe('object');
    expect([...shape.arrays.values()]).toEqual([
      { path: '$.meta.tags', line: 2, count: 2, objects: 0 },
      { path: '$.data', line: 3, count: 4, objects: 2 },
      { path: '$.page.rows', line: 9, count: 1, objects: 1 },
      { path: '$["we\\"ird"]', line: 10, count: 1, objects: 1 },
    ]);
    expect(elements.filter((element) => element.path === '$.data')).toEqual([
      { path: '$.data', index: 0, line: 4, text: '{"id": 1, "s": "[{"}' },
      { path: '$.data', index: 1, line: 5, text: '{"id": 2, "nested": {"list": [1, 2, {"deep": []}]}}' },
      { path: '$.data', index: 2, line: 6, text: '"not an object"' },
      { path: '$.data', index: 3, line: 7, text: '17\n  ' },
    ]);
  });

  it('gives the same answer however the text is cut into chunks', async () => {
    const whole = await scan(DOCUMENT);
    for (const size of [1, 2, 3, 7, 64]) {
      const cut = await scan(DOCUMENT, size);
      expect(cut.elements, `chunks of ${size}`).toEqual(whole.elements);
      expect([...cut.shape.arrays.values()], `chunks of ${size}`).toEqual([...whole.shape.arrays.values()]);
    }
  });

  it('reports a second top-level value, a crossed bracket and a document cut short', async () => {
    expect((await scan('{"a": 1}\n{"a": 2}')).shape.trailingLine).toBe(2);
    await expect(scan('[\n{"a": [1}\n]')).rejects.toEqual(
      new JsonStructureError("Line 2: '}' cannot close the array opened on line 2.", 2),
    );
    await expect(scan('[{"a": "b')).rejects.toEqual(
      new JsonStructureError(
        'The JSON text ends before the object opened on line 1 is closed; the file may be cut short.',
        1,
      ),
    );
    expect((await scan('  "text" ')).shape.root).toBe('scalar');
  });
});
