import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { utf16ByNulPattern, type SourceBytes } from './source-bytes';
import { utf8Evidence } from './utf8-validation';

export interface DetectedEncoding {
  /** A label iconv-lite knows: utf-8, utf-16le, utf-16be, cp949, windows-1252, or what the user named. */
  readonly encoding: string;
  readonly hadByteOrderMark: boolean;
}

const BYTE_ORDER_MARKS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Korean code pages: CP949 (Windows' "Unified Hangul Code") is a superset of EUC-KR, so it reads both. */
const KOREAN = new Set(['EUC-KR', 'ISO-2022-KR']);

/**
 * The head of the file cut after its last line break, so that a character split at the end of a partial head
 * is not taken as invalid.
 */
function wholeLines({ head, size }: SourceBytes): Buffer {
  if (head.length === size) return head;
  const end = head.lastIndexOf(0x0a);
  return end > 0 ? head.subarray(0, end + 1) : head;
}

const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/gu;
const NON_ASCII = /[\u0080-\u{10ffff}]/gu;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * True when the sample reads as CP949 mostly as Hangul, with few undecodable sequences: a Korean export with a
 * stray bad byte is still Korean (the bad byte is reported where it is), while Latin-1 accents followed by a
 * comma, space or digit are not valid CP949 at all and fail this test by a wide margin.
 */
function readsAsKorean(sample: Buffer): boolean {
  const text = iconv.decode(sample, 'cp949');
  const nonAscii = count(text, NON_ASCII);
  if (nonAscii === 0) return false;
  const undecodable = count(text, /\ufffd/gu);
  return count(text, HANGUL_SYLLABLE) / nonAscii >= 0.5 && undecodable / nonAscii <= 0.1;
}

/**
 * A UTF-8 export with a few corrupt bytes is still UTF-8: decoding it all as windows-1252 would garble every
 * non-ASCII character, while reading it as UTF-8 reports the corrupt bytes where they are. CP949 and Latin-1
 * text only ever form a well-formed multi-byte UTF-8 sequence by chance (a fraction of their ill-formed ones).
 */
function mostlyUtf8(sample: Buffer): boolean {
  const { multiByte, invalidRuns } = utf8Evidence(sample);
  return multiByte >= 4 * invalidRuns;
}

/**
 * The encoding of a text file from its first bytes: a byte order mark decides; otherwise (mostly) valid UTF-8
 * (ASCII included) is UTF-8; otherwise CP949 or windows-1252. chardet's best guess decides when it is confidently
 * Korean; it is unreliable on short samples (a few Korean words can come out as windows-1251 or ISO-8859-2), so
 * otherwise the sample decides by reading as Hangul in CP949 or not.
 */
export function detectEncoding(bytes: SourceBytes): DetectedEncoding {
  const { head } = bytes;
  const mark = BYTE_ORDER_MARKS.find(({ bytes }) => bytes.every((byte, i) => head[i] === byte));
  if (mark) return { encoding: mark.encoding, hadByteOrderMark: true };
  const utf16 = utf16ByNulPattern(head);
  if (utf16) return { encoding: utf16, hadByteOrderMark: false };
  const sample = wholeLines(bytes);
  if (isUtf8(sample) || mostlyUtf8(sample)) return { encoding: 'utf-8', hadByteOrderMark: false };
  const [best] = chardet.analyse(sample);
  const confidentlyKorean = best !== undefined && KOREAN.has(best.name) && best.confidence >= 50;
  const encoding = confidentlyKorean || readsAsKorean(sample) ? 'cp949' : 'windows-1252';
  return { encoding, hadByteOrderMark: false };
}

/** The user's encoding label in the form iconv-lite and our reports use, or null when it is unknown. */
export function knownEncoding(label: string): string | null {
  const trimmed = label.trim().toLowerCase();
  if (!iconv.encodingExists(trimmed)) return null;
  return trimmed === 'utf8' ? 'utf-8' : trimmed;
}

export const isUtf8Label = (encoding: string) => encoding === 'utf-8';
