/**
 * Codes: the values of an identifier column (ABC-00123, 550e8400-e29b-41d4-a716-446655440000, KR, 02134, 12가3456).
 * No spaces, and either a digit or written in capitals, so that single words ("Seattle", "apple") stay text.
 * Hangul counts among a code's letters when a digit is there too, as on Korean number plates.
 */
const CODE = /^[A-Za-z0-9가-힣][A-Za-z0-9가-힣_\-.:/#]{0,63}$/;
const HAS_DIGIT = /\d/;
const CAPITALS = /^[A-Z][A-Z0-9_\-.:/#]*$/;
const SPACE = /\s/;

export const isCode = (text: string): boolean =>
  CODE.test(text) && (HAS_DIGIT.test(text) || CAPITALS.test(text));

export const hasSpace = (text: string): boolean => SPACE.test(text);
