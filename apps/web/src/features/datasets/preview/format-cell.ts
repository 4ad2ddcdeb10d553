import type { DataType } from '@spice/domain';

export type CellAlign = 'left' | 'right' | 'center';

const NUMERIC = new Set(['integer', 'long', 'double', 'short', 'byte', 'float']);

export function alignOf(dataType: DataType): CellAlign {
  const name = typeof dataType === 'string' ? dataType : dataType.type;
  if (NUMERIC.has(name) || name === 'decimal' || name === 'money') return 'right';
  if (name === 'boolean') return 'center';
  return 'left';
}

/** A cell as text: arrays and structs compactly, everything else as the server sent it (exact decimals are strings). */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** Column widths by type: numbers and dates are narrow, text is wide. */
export function widthOf(dataType: DataType, name: string): number {
  const type = typeof dataType === 'string' ? dataType : dataType.type;
  const byType = NUMERIC.has(type) || type === 'boolean' || type === 'date' ? 120 : type === 'timestamp' || type === 'decimal' || type === 'money' ? 170 : 200;
  return Math.max(byType, Math.min(320, name.length * 8 + 48));
}
