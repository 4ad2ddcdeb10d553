/** The length of the sequence a lead byte announces, or 0 when the byte cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Bounds on the second byte that rule out overlong forms, surrogates and code points past U+10FFFF. */
function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** How many bytes of a well-formed sequence start at `i`, or minus the length of the ill-formed part there. */
function sequenceAt(bytes: Buffer, i: number): number {
  const lead = bytes[i]!;
  const length = sequenceLength(lead);
  if (length <= 1) return length === 1 ? 1 : -1;
  const [low, high] = secondByteRange(lead);
  let valid = 1;
  while (valid < length && i + valid < bytes.length) {
    const byte = bytes[i + valid]!;
    if (byte < (valid === 1 ? low : 0x80) || byte > (valid === 1 ? high : 0xbf)) break;
    valid += 1;
  }
  return valid === length ? length : -valid;
}

/**
 * The first ill-formed sequence (its "maximal subpart", as the Unicode standard counts them), or null. A
 * sequence cut off by the end of `bytes` is not counted: the bytes are a window onto a longer file.
 */
export function invalidSequence(bytes: Buffer): { index: number; bytes: Buffer } | null {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceAt(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (i - length >= bytes.length && sequenceLength(bytes[i]!) > -length) return null;
    return { index: i, bytes: bytes.subarray(i, i - length) };
  }
  return null;
}

/**
 * Well-formed multi-byte sequences and runs of ill-formed bytes in a sample: how much it looks like UTF-8. Runs
 * are counted rather than bytes, so that one corrupt character (a lone surrogate is three ill-formed bytes)
 * weighs as one.
 */
export function utf8Evidence(bytes: Buffer): { multiByte: number; invalidRuns: number } {
  let multiByte = 0;
  let invalidRuns = 0;
  let inRun = false;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceAt(bytes, i);
    if (length > 1) multiByte += 1;
    if (length < 0 && !inRun) invalidRuns += 1;
    inRun = length < 0;
    i += Math.abs(length);
  }
  return { multiByte, invalidRuns };
}
