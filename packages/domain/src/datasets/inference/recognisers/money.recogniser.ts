/** Amounts written with a currency: ₩1,000 · 1,000원 · $12.50 · -$5 · EUR 3.20 · 3,20 € · 12.50 USD. */

const SYMBOLS: Readonly<Record<string, string>> = {
  '₩': 'KRW',
  '￦': 'KRW',
  원: 'KRW',
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '￥': 'JPY',
  円: 'JPY',
};

/** ISO 4217 codes read as currencies; other three-capital words are not (they are more often codes). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'KRW',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'HKD',
  'TWD',
  'SGD',
  'AUD',
  'NZD',
  'CAD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'RUB',
  'INR',
  'IDR',
  'THB',
  'VND',
  'PHP',
  'MYR',
  'BRL',
  'MXN',
  'ARS',
  'CLP',
  'ZAR',
  'TRY',
  'ILS',
  'AED',
  'SAR',
]);

const MONEY =
  /^([+-]?)\s*(US\$|\$|₩|￦|€|£|¥|￥|[A-Z]{3}(?= ?[\d.,+-]))?\s*([+-]?)\s*(\d[\d.,\u00a0\u202f ]*|[.,]\d+)\s*(원|円|€|₩|\$|[A-Z]{3})?$/;
const MAY_BE_MONEY = /[$₩￦€£¥￥원円]|^[A-Z]{3}|[A-Z]{3}$/;

export interface MoneyReading {
  readonly currency: string;
  /** The symbol or code as written. */
  readonly marker: string;
  /** The amount with its sign, without the marker: "-1,000". */
  readonly amount: string;
}

/** A trimmed cell as an amount with exactly one currency marker, or null. */
export function readMoney(text: string): MoneyReading | null {
  if (!MAY_BE_MONEY.test(text)) return null;
  const m = MONEY.exec(text);
  if (!m) return null;
  const [, outerSign, prefix, innerSign, amount, suffix] = m;
  if ((prefix === undefined) === (suffix === undefined) || (outerSign && innerSign)) return null;
  const marker = (prefix ?? suffix)!;
  const currency = SYMBOLS[marker] ?? (CURRENCY_CODES.has(marker) ? marker : undefined);
  if (currency === undefined) return null;
  return { currency, marker, amount: `${outerSign || innerSign}${amount!.trim()}` };
}

/** The markers that name `currency`, for reasons: "₩, 원 or KRW". */
export const markersOf = (currency: string): string[] => [
  ...Object.entries(SYMBOLS)
    .filter(([, c]) => c === currency)
    .map(([s]) => s),
  currency,
];
