import { describe, expect, it } from 'vitest';
import { numberedLines } from './json-lines';

async function lines(chunks: string[]) {
  async function* source() {
    yield* chunks;
  }
  const found: { line: number; text: string }[] = [];
  for await (const line of numberedLines(source())) found.push(line);
  return found;
}

describe('numberedLines', () => {
  it('numbers lines across chunk boundaries, dropping \\n and \\r\\n', async () => {
    expect(await lines(['a\r', '\nb', 'c\n\n', 'd'])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'bc' },
      { line: 3, text: '' },
      { line: 4, text: 'd' },
    ]);
    expect(await lines(['x\n'])).toEqual([{ line: 1, text: 'x' }]);
  });
});
