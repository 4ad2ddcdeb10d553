/** Plain-text layouts for the terminal: aligned columns and key/value blocks. */

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

export function keyValues(entries: readonly (readonly [string, string])[], indent = '  '): string {
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${indent}${k.padEnd(width)}  ${v}`).join('\n');
}

/** Nested values as dotted paths with leaf values, e.g. `properties.0.apiName  code`. */
export function flatten(value: unknown, path = ''): [string, string][] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[path, '[]']];
    return value.flatMap((v, i) => flatten(v, path ? `${path}.${i}` : String(i)));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [[path, '{}']];
    return entries.flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k));
  }
  return [[path, typeof value === 'string' ? value : JSON.stringify(value)]];
}

export function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
