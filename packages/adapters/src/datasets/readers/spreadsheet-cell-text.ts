/**
 * How a spreadsheet cell's stored value becomes text. A number keeps the digits Excel shows (15 significant
 * digits, so binary noise such as 0.30000000000000004 becomes 0.3) written as a plain decimal without exponent;
 * a number in a date or time format becomes ISO text: `2024-03-01`, `2024-03-01 14:30:00`, `14:30:00`.
 * Other display formats (thousands separators, currency, percent) are not applied: 15% is read as 0.15.
 */

export type DateKind = 'date' | 'datetime' | 'time';

/** The built-in number formats that show a date or a time (ECMA-376 §18.8.30, and the East Asian ids 27–58). */
const BUILT_IN_DATE_FORMATS: ReadonlyMap<number, DateKind> = new Map<number, DateKind>([
  ...[14, 15, 16, 17].map((id) => [id, 'date'] as const),
  ...[18, 19, 20, 21, 45, 46, 47].map((id) => [id, 'time'] as const),
  [22, 'datetime'],
  ...[27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, 'date'] as const),
  ...[32, 33, 55, 56].map((id) => [id, 'time'] as const),
]);

export function dateKindOfFormat(numFmtId: number, formatCode: string | undefined): DateKind | null {
  if (formatCode === undefined) return BUILT_IN_DATE_FORMATS.get(numFmtId) ?? null;
  // Only the first section (positive numbers) decides; literal text, escapes and [colour]/[$-locale] go first.
  const code = (formatCode.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  // [h], [mm], [ss] are elapsed durations, shown as numbers of hours rather than a time of day.
  if (/\[(h+|m+|s+)\]/i.test(code)) return null;
  const bare = code.replace(/\[[^\]]*\]/g, '').toLowerCase();
  const hasTime = /[hs]/.test(bare) || /am\/pm|a\/p/.test(bare);
  const hasDate = /[yd]/.test(bare) || (/m/.test(bare) && !hasTime);
  if (hasDate && hasTime) return 'datetime';
  if (hasDate) return 'date';
  return hasTime ? 'time' : null;
}

/** `1.23456789012346e+21` -> `1234567890123460000000`, `-1.5e-7` -> `-0.00000015`. */
function withoutExponent(text: string): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = '', exponentText] = match;
  const digits = `${lead}${fraction}`;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The stored text of a number cell as a plain decimal with at most 15 significant digits. */
export function plainNumberText(stored: string): string {
  const value = Number(stored);
  if (!Number.isFinite(value)) return stored.trim();
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? '0' : withoutExponent(String(rounded));
}

const MS_PER_DAY = 86_400_000;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * A date serial as ISO text. In the 1900 system serial 1 is 1900-01-01 and serial 60 is Excel's phantom
 * 1900-02-29 (kept from Lotus 1-2-3), so serials before it are one day later than a plain count would say.
 */
export function serialToDateText(serial: number, kind: DateKind, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  if (kind !== 'time' && !date1904 && serial >= 60 && serial < 61) return '1900-02-29';
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial < 60 ? 31 : 30);
  const instant = new Date(epoch + Math.round(serial * MS_PER_DAY));
  if (Number.isNaN(instant.getTime())) return null;
  const date = `${pad(instant.getUTCFullYear(), 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}`;
  const millis = instant.getUTCMilliseconds();
  const time =
    `${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}:${pad(instant.getUTCSeconds())}` +
    (millis === 0 ? '' : `.${pad(millis, 3)}`);
  if (kind === 'date') return date;
  if (kind === 'time') return time;
  return `${date} ${time}`;
}

/** A `t="d"` cell holds ISO 8601 text already; it is written the way the other dates are. */
export const isoDateCellText = (stored: string) => stored.trim().replace('T', ' ').replace(/Z$/, '');
