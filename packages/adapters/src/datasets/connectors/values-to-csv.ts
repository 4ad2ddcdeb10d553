/**
 * Sheets API values (rows of cells, trailing empty cells left out) as RFC 4180 CSV: every row padded to the
 * widest, so the reader sees a rectangle and not ragged rows the API's trimming made.
 */
export function valuesToCsv(values: readonly (readonly unknown[])[]): string {
  const width = Math.max(0, ...values.map((row) => row.length));
  return values.map((row) => Array.from({ length: width }, (_, i) => csvField(row[i])).join(',')).join('\r\n') + (values.length ? '\r\n' : '');
}

function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
