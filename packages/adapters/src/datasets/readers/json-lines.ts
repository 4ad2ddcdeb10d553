/** Lines of decoded text with their 1-based numbers, without their `\n` or `\r\n`; streaming. */
export async function* numberedLines(
  chunks: AsyncIterable<string>,
): AsyncIterable<{ line: number; text: string }> {
  let carry = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = carry + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      line += 1;
      yield { line, text: text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end) };
      start = end + 1;
    }
    carry = text.slice(start);
  }
  if (carry !== '') yield { line: line + 1, text: carry.endsWith('\r') ? carry.slice(0, -1) : carry };
}
