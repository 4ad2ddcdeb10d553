import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { identifyBytes, utf16ByNulPattern } from './source-bytes';

const bytesOf = (head: Buffer, tail = head) => ({ size: head.length, head, tail });
const kindOf = (head: Buffer, tail?: Buffer) => identifyBytes(bytesOf(head, tail));

describe('identifyBytes', () => {
  it('recognises binary files by their magic numbers', () => {
    expect(kindOf(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toEqual({
      kind: 'binary',
      description: 'a PNG image',
    });
    expect(kindOf(Buffer.from('ffd8ffe000104a464946', 'hex'))).toEqual({
      kind: 'binary',
      description: 'a JPEG image',
    });
    expect(kindOf(Buffer.from('%PDF-1.7\n'))).toEqual({ kind: 'binary', description: 'a PDF document' });
    expect(kindOf(Buffer.from('1f8b0800', 'hex'))).toEqual({
      kind: 'binary',
      description: 'a gzip-compressed file',
    });
    expect(kindOf(Buffer.from('BZh91AY&SY'))).toEqual({
      kind: 'binary',
      description: 'a bzip2-compressed file',
    });
    expect(kindOf(Buffer.from('SQLite format 3\0'))).toEqual({
      kind: 'binary',
      description: 'an SQLite database',
    });
  });

  it('tells an XLSX workbook and other Office files from a plain ZIP archive by their entry names', () => {
    const zip = (entry: string) =>
      Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(26), Buffer.from(entry)]);
    expect(kindOf(zip('[Content_Types].xml'), Buffer.from('PK\x01\x02 xl/workbook.xml'))).toEqual({
      kind: 'xlsx',
      description: 'an Excel workbook (XLSX)',
    });
    expect(kindOf(zip('word/document.xml'))).toEqual({
      kind: 'binary',
      description: 'a Word document (DOCX)',
    });
    expect(kindOf(zip('notes.txt'))).toEqual({ kind: 'binary', description: 'a ZIP archive' });
  });

  it('recognises Parquet', () => {
    expect(kindOf(Buffer.from('PAR1\x15\x04'))).toEqual({ kind: 'parquet', description: 'a Parquet file' });
  });

  it('takes text for text, UTF-16 (whose ASCII has NUL bytes) included, with or without a byte order mark', () => {
    expect(kindOf(Buffer.from('id,name\n1,서울\n'))).toEqual({ kind: 'text' });
    expect(kindOf(Buffer.from('BZh is not bzip2 without its block magic'))).toEqual({ kind: 'text' });
    expect(kindOf(iconv.encode('\ufeffid,name\n1,a\n', 'utf-16le'))).toEqual({ kind: 'text' });
    expect(kindOf(iconv.encode('id,name\n1,a\n', 'utf-16be'))).toEqual({ kind: 'text' });
  });

  it('calls anything else with a NUL byte binary data, saying where', () => {
    expect(kindOf(Buffer.from('abc\0\x01\x02,\n\0\0\0'))).toEqual({
      kind: 'binary',
      description: 'binary data (a NUL byte at byte offset 3)',
    });
  });
});

describe('utf16ByNulPattern', () => {
  it('finds the byte order of UTF-16 text from where its NUL bytes are', () => {
    expect(utf16ByNulPattern(iconv.encode('id,이름\n1,김\n', 'utf-16le'))).toBe('utf-16le');
    expect(utf16ByNulPattern(iconv.encode('id,이름\n1,김\n', 'utf-16be'))).toBe('utf-16be');
    expect(utf16ByNulPattern(Buffer.from('id,name\n'))).toBeNull();
    expect(utf16ByNulPattern(Buffer.from([0, 0, 0, 0, 1, 0, 0, 0]))).toBeNull();
  });
});
