import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import { once } from 'node:events';

const HEADER = [
  'order_id',
  'customer_id',
  'customer_name',
  'email',
  'country',
  'amount',
  'currency',
  'quantity',
  'unit_price',
  'ordered_at',
  'ship_date',
  'is_gift',
  'phone',
  'note',
];

// Every character here exists in CP949 too, so the same table can be written in either encoding.
const NAMES = [
  'Kim Min-jun',
  'Lee Seo-yeon',
  '박지호',
  '최유나',
  '정우성 (Jung Woo-sung)',
  "O'Brien, Sean",
  'Jean "JJ" Dupont',
  'Maria Jose',
];
const COUNTRIES = ['KR', 'US', 'DE', 'FR', 'JP', 'GB'];
const CURRENCIES = ['KRW', 'USD', 'EUR', 'EUR', 'JPY', 'GBP'];
const NOTES = [
  '',
  'leave at the door',
  '배송 전 연락 바랍니다',
  'gift wrap, no receipt',
  'call "before" delivery',
  'fragile\nhandle with care',
];

/** A cell as CSV writes it: quoted when it holds the delimiter, a quote or a line break. */
const cell = (text: string) => (/[",\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Row `i` of the table: every column a realistic mix (ids, names with quotes and commas, Korean, dates, money). */
function row(i: number): string {
  const country = i % COUNTRIES.length;
  const day = (i % 28) + 1;
  const month = (i % 12) + 1;
  const shipDate = i % 3 === 0 ? `${pad(day)}/${pad(month)}/2024` : `2024-${pad(month)}-${pad(day)}`;
  return [
    String(1_000_000 + i),
    `c_${((i * 2_654_435_761) >>> 0).toString(16).padStart(8, '0')}`,
    cell(NAMES[i % NAMES.length]!),
    `user${i % 500_000}@example.com`,
    COUNTRIES[country]!,
    (((i * 7_919) % 1_000_000) / 100).toFixed(2),
    CURRENCIES[country]!,
    String((i % 9) + 1),
    ((i % 997) * 1.25).toString(),
    `2024-${pad(month)}-${pad(day)}T${pad(i % 24)}:${pad(i % 60)}:${pad((i * 7) % 60)}Z`,
    shipDate,
    i % 5 === 0 ? 'true' : 'false',
    `+82-10-${pad(i % 10_000, 4)}-${pad((i * 31) % 10_000, 4)}`,
    cell(NOTES[i % NOTES.length]!),
  ].join(',');
}

/** Writes a CSV of at least `targetBytes` (header first) in bounded memory; returns its rows and bytes. */
export async function writeMixedCsv(
  path: string,
  targetBytes: number,
  encoding: 'utf-8' | 'cp949' = 'utf-8',
): Promise<{ rows: number; bytes: number }> {
  const encode = (text: string) => (encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, encoding));
  const out = createWriteStream(path, { highWaterMark: 1024 * 1024 });
  let bytes = 0;
  let rows = 0;
  const header = encode(`${HEADER.join(',')}\n`);
  out.write(header);
  bytes += header.length;
  while (bytes < targetBytes) {
    const lines: string[] = [];
    for (let k = 0; k < 10_000; k += 1, rows += 1) lines.push(row(rows));
    const chunk = encode(`${lines.join('\n')}\n`);
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows, bytes };
}
