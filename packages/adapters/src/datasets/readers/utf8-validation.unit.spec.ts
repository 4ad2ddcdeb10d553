import { describe, expect, it } from 'vitest';
import { invalidSequence, utf8Evidence } from './utf8-validation';

const hex = (text: string) => Buffer.from(text.replaceAll(' ', ''), 'hex');
const found = (bytes: Buffer) => {
  const result = invalidSequence(bytes);
  return result && { index: result.index, bytes: result.bytes.toString('hex') };
};

describe('invalidSequence', () => {
  it('passes well-formed UTF-8 of every length', () => {
    expect(found(Buffer.from('a é 서 😀'))).toBeNull();
  });

  it('finds the first ill-formed sequence as its maximal subpart', () => {
    expect(found(hex('61 ff 62'))).toEqual({ index: 1, bytes: 'ff' });
    expect(found(hex('61 c0 80'))).toEqual({ index: 1, bytes: 'c0' }); // overlong
    expect(found(hex('ed a0 80'))).toEqual({ index: 0, bytes: 'ed' }); // a surrogate
    expect(found(hex('e2 82 41'))).toEqual({ index: 0, bytes: 'e282' }); // cut short by an ASCII byte
    expect(found(hex('f4 90 80 80'))).toEqual({ index: 0, bytes: 'f4' }); // past U+10FFFF
    expect(found(hex('80'))).toEqual({ index: 0, bytes: '80' }); // a lone continuation byte
  });

  it('does not blame a sequence the end of the window cut off', () => {
    expect(found(hex('61 e2 82'))).toBeNull();
  });
});

describe('utf8Evidence', () => {
  it('counts multi-byte characters and runs of ill-formed bytes', () => {
    expect(utf8Evidence(Buffer.from('서울 café'))).toEqual({ multiByte: 3, invalidRuns: 0 });
    expect(
      utf8Evidence(Buffer.concat([Buffer.from('서'), hex('ed a0 80'), Buffer.from('x'), hex('ff')])),
    ).toEqual({ multiByte: 1, invalidRuns: 2 });
  });
});
