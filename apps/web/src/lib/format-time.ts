/** Timestamps render in UTC so the server's and the browser's renders agree (no hydration mismatch). */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const zoned = new Map<string, Intl.DateTimeFormat>();

/**
 * A time as the clock on the wall of `timeZone` shows it ("Mon 2026-11-30 09:00"): a schedule is written in its
 * own zone, so its runs read best there. Falls back to UTC for a zone the browser does not know.
 */
export function formatInZone(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let format = zoned.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return formatUtc(iso);
    }
    zoned.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
  return `${part.weekday} ${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

const UNITS: readonly [limitMs: number, unitMs: number, unit: string][] = [
  [60_000, 1_000, 's'],
  [3_600_000, 60_000, 'min'],
  [86_400_000, 3_600_000, 'h'],
  [Infinity, 86_400_000, 'd'],
];

/** How far `iso` is from `now`, the way a person says it: "in 14 min", "3 h ago", "just now". */
export function formatRelative(iso: string, now: Date): string {
  const ms = new Date(iso).getTime() - now.getTime();
  if (Number.isNaN(ms)) return iso;
  const abs = Math.abs(ms);
  if (abs < 5_000) return 'just now';
  const [, unitMs, unit] = UNITS.find(([limit]) => abs < limit)!;
  const amount = Math.floor(abs / unitMs);
  return ms > 0 ? `in ${amount} ${unit}` : `${amount} ${unit} ago`;
}

/** A run's length: "840 ms", "12.4 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
