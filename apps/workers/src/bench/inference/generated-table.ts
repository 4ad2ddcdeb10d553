/**
 * A deterministic table for the throughput run: ten columns of the kinds uploads have (a key, a code, names,
 * e-mails, amounts, timestamps, regional dates, a category, a yes/no flag, won amounts), one row at a time into a
 * reused array so the generator itself holds no memory.
 */
export const GENERATED_COLUMNS = [
  'id',
  'order_code',
  'customer',
  'email',
  'amount',
  'created_at',
  'due_date',
  'category',
  'paid',
  'price_krw',
];

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', 'Smith', 'Garcia'];
const GIVEN = [
  '민준',
  '서연',
  '도윤',
  '지우',
  '하준',
  '서윤',
  '예준',
  '하은',
  'John',
  'Maria',
  'Wei',
  'Yuki',
];
const CATEGORIES = ['food', 'books', 'electronics', 'clothing', 'toys', 'garden', 'sports', 'beauty'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function* generatedRows(rows: number, seed = 42): Generator<(string | null)[]> {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const row: (string | null)[] = new Array(GENERATED_COLUMNS.length).fill(null);
  for (let i = 0; i < rows; i++) {
    const month = 1 + int(12);
    const day = 1 + int(28);
    row[0] = String(i + 1);
    row[1] = `ORD-${pad(int(100_000_000), 8)}`;
    row[2] = `${FAMILY[int(FAMILY.length)]}${GIVEN[int(GIVEN.length)]}`;
    row[3] = next() < 0.02 ? '' : `user${int(10_000_000)}@example.${next() < 0.5 ? 'com' : 'co.kr'}`;
    row[4] = `${int(100_000)}.${pad(int(100))}`;
    row[5] = `20${pad(15 + int(10))}-${pad(month)}-${pad(day)}T${pad(int(24))}:${pad(int(60))}:${pad(int(60))}Z`;
    row[6] = `${pad(day)}/${pad(month)}/20${pad(15 + int(10))}`;
    row[7] = next() < 0.01 ? 'N/A' : CATEGORIES[int(CATEGORIES.length)]!;
    row[8] = next() < 0.5 ? 'Y' : 'N';
    row[9] = `₩${grouped((1 + int(5_000)) * 100)}`;
    yield row;
  }
}
