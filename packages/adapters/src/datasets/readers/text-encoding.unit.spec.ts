import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, knownEncoding } from './text-encoding';

const detect = (head: Buffer, size = head.length) => detectEncoding({ size, head, tail: head });

describe('detectEncoding', () => {
  it('a byte order mark decides', () => {
    expect(detect(Buffer.from('\ufeffa,b\n'))).toEqual({ encoding: 'utf-8', hadByteOrderMark: true });
    expect(detect(iconv.encode('\ufeffa,b\n', 'utf-16le'))).toEqual({
      encoding: 'utf-16le',
      hadByteOrderMark: true,
    });
    expect(detect(iconv.encode('\ufeffa,b\n', 'utf-16be'))).toEqual({
      encoding: 'utf-16be',
      hadByteOrderMark: true,
    });
  });

  it('ASCII and valid UTF-8 are UTF-8', () => {
    expect(detect(Buffer.from('a,b\n1,2\n'))).toEqual({ encoding: 'utf-8', hadByteOrderMark: false });
    expect(detect(Buffer.from('이름,도시\n김철수,서울\n'))).toEqual({
      encoding: 'utf-8',
      hadByteOrderMark: false,
    });
  });

  it('a character cut off at the end of a partial head does not make UTF-8 invalid', () => {
    const text = Buffer.from('이름,도시\n김철수,서울\n');
    expect(detect(text.subarray(0, text.length - 2), 1_000_000).encoding).toBe('utf-8');
  });

  it('UTF-8 with a stray corrupt byte is still UTF-8 (the byte is reported where it is)', () => {
    const text = Buffer.concat([
      Buffer.from('이름,도시\n김철수,서울\n이영희,부산\n'),
      Buffer.from([0xff]),
      Buffer.from(',대구\n'),
    ]);
    expect(detect(text).encoding).toBe('utf-8');
  });

  it('CP949 Korean, even a short sample that chardet alone would call Cyrillic', () => {
    expect(detect(iconv.encode('이름,나이\n김,3\n', 'cp949')).encoding).toBe('cp949');
    expect(
      detect(iconv.encode('이름,도시,금액\n김철수,서울,1000\n이영희,부산,2500\n', 'cp949')).encoding,
    ).toBe('cp949');
  });

  it('Latin-1 / windows-1252 accents', () => {
    expect(detect(iconv.encode('id,name\n1,café\n', 'latin1')).encoding).toBe('windows-1252');
    expect(detect(iconv.encode('nom,ville\nRené,Orléans\nChloé,Besançon\n', 'windows-1252')).encoding).toBe(
      'windows-1252',
    );
    expect(detect(iconv.encode('id,name\n1,“quoted” – €5\n', 'windows-1252')).encoding).toBe('windows-1252');
  });

  it('UTF-16 without a byte order mark', () => {
    expect(detect(iconv.encode('id,name\n1,café\n', 'utf-16le'))).toEqual({
      encoding: 'utf-16le',
      hadByteOrderMark: false,
    });
  });
});

describe('knownEncoding', () => {
  it('normalises labels iconv-lite knows and refuses the rest', () => {
    expect(knownEncoding('UTF8')).toBe('utf-8');
    expect(knownEncoding(' EUC-KR ')).toBe('euc-kr');
    expect(knownEncoding('latin1')).toBe('latin1');
    expect(knownEncoding('klingon-8')).toBeNull();
  });
});
