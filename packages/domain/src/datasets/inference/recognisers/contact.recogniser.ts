/** E-mail addresses, URLs and phone numbers, as people write them in spreadsheets. */

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$/;

export const isEmail = (text: string): boolean =>
  text.length <= 254 && text.includes('@') && EMAIL.test(text);

const URL_WITH_SCHEME = /^(?:https?|ftp):\/\/[^\s/?#]+[^\s]*$/i;
const URL_WWW = /^www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#][^\s]*)?$/i;

/** http(s) and ftp URLs, and host names that start with www. */
export function isUrl(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20;
  if (c !== 0x68 && c !== 0x66 && c !== 0x77) return false;
  return URL_WITH_SCHEME.test(text) || URL_WWW.test(text);
}

/** +82 10-1234-5678, +1 (555) 123-4567, +44 20 7946 0958, +33 (0)7 38 93 11 91 */
const INTERNATIONAL = /^\+\d{1,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){1,6}$/;
/** 010-1234-5678, 02-123-4567, 031)123-4567, 0151 4960456, (0141) 4960838, 03 83 83 35 42, 0430512641: a trunk 0. */
const TRUNK = /^(?:\(0[1-9]\d{0,3}\)|0[1-9]\d{0,3}\)?)(?:[-. ]?\d{2,8}){1,5}$/;
/** 1588-1234: Korean nationwide numbers. */
const KOREAN_NATIONWIDE = /^1[5-9]\d{2}-\d{4}$/;
/** (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-1234, 12-5948-0676 */
const GROUPED = /^(?:1[-. ])?(?:\(\d{3}\) ?|\d{2,4}[-. ])\d{3,4}[-. ]\d{4}$/;
const EXTENSION = /\s*(?:x|ext\.?|#)\s*\d{1,6}$/i;
const NON_DIGITS = /\D/g;
const DIGIT_RUN = /^\+?\d{7,15}$/;

const digitCount = (text: string) => text.replace(NON_DIGITS, '').length;

/**
 * A phone number as people write one: international (+country), national with a trunk 0 (grouped or not, the
 * area code possibly in parentheses), or grouped digits (555-123-4567). A bare run of digits that does not start
 * with 0 is not a phone number here: it is as likely an amount or a code (see isDigitRun). 00 counts as +.
 */
export function isPhone(text: string): boolean {
  if (text.length < 7 || text.length > 32) return false;
  const c = text.charCodeAt(0);
  if (c !== 43 && c !== 40 && (c < 48 || c > 57)) return false;
  const written = text.replace(EXTENSION, '');
  // 00 is the international prefix dialled instead of +.
  const number = written.startsWith('00') ? `+${written.slice(2)}` : written;
  const digits = digitCount(number);
  if (digits < 7 || digits > 15) return false;
  if (number.startsWith('+')) return digits >= 8 && INTERNATIONAL.test(number);
  if (TRUNK.test(number)) return digits >= 9 && digits <= 12;
  return KOREAN_NATIONWIDE.test(number) || GROUPED.test(number);
}

/** 7 to 15 digits and nothing else: a phone number only when the column's name says so. */
export const isDigitRun = (text: string): boolean => DIGIT_RUN.test(text);

const PHONE_NAME = /phone|tel|mobile|cell|fax|전화|휴대|핸드폰|연락처/i;

export const looksLikePhoneName = (column: string): boolean => PHONE_NAME.test(column);
