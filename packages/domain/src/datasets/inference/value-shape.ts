/**
 * Which kinds of characters a value has, found in one pass, so that each recogniser whose value cannot match is
 * skipped without running its regular expressions. Most values rule out most types: "user7@example.com" is never
 * a number, a date or money. Skipping changes nothing but the time taken.
 */
export const Shape = {
  digit: 1,
  letter: 2,
  hangul: 4,
  space: 8,
  at: 16,
  comma: 32,
  paren: 64,
  plus: 128,
  currency: 256,
  other: 512,
} as const;

const CURRENCY_CHARS = new Set(['$', '₩', '￦', '€', '£', '¥', '￥', '원', '円'].map((c) => c.charCodeAt(0)));

export function valueShape(text: string): number {
  let shape = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) shape |= Shape.digit;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) shape |= Shape.letter;
    else if (c === 32 || c === 9 || c === 0xa0 || c === 0x202f) shape |= Shape.space;
    else if (c === 44) shape |= Shape.comma;
    else if (c === 64) shape |= Shape.at;
    else if (c === 40 || c === 41) shape |= Shape.paren;
    else if (c === 43) shape |= Shape.plus;
    else if (CURRENCY_CHARS.has(c)) shape |= Shape.currency;
    else if (c >= 0xac00 && c <= 0xd7a3) shape |= Shape.hangul;
    else if (c !== 45 && c !== 46 && c !== 47 && c !== 58 && c !== 95 && c !== 35) shape |= Shape.other;
  }
  return shape;
}
