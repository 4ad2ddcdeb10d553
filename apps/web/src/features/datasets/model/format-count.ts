const COUNT = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567": row counts are read at a glance. */
export const formatCount = (n: number) => COUNT.format(n);

/** A share 0..1 as a percentage with one decimal where it matters ("0.4%", "12%"). */
export function formatShare(share: number): string {
  const pct = share * 100;
  if (pct === 0 || pct >= 10) return `${Math.round(pct)}%`;
  return `${pct.toFixed(1)}%`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}
