/** Numbers and quotes in reasons, written the same way on every machine (no locale). */

export function formatCount(n: number): string {
  const digits = String(Math.abs(Math.trunc(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/** A share as a percentage that never rounds a partial share to 100% or to 0%. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0 || part === 0) return '0%';
  if (part === whole) return '100%';
  const tenths = Math.round((part / whole) * 1000) / 10;
  if (tenths >= 100) return '99.9%';
  if (tenths <= 0) return '<0.1%';
  return `${tenths.toFixed(1)}%`;
}

const MAX_QUOTED = 40;

export function quote(value: string): string {
  const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1)}…` : value;
  return `"${shown}"`;
}

/** "1 value" / "3 values". */
export const countOf = (n: number, noun: string, plural = `${noun}s`): string =>
  `${formatCount(n)} ${n === 1 ? noun : plural}`;
