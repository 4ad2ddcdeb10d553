import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadOptions } from '@spice/domain';
import iconv from 'iconv-lite';
import { badInput } from './parquet-read-report';
import { HEAD_BYTES, type SourceFile } from './source-bytes';
import { detectEncoding, knownEncoding, type DetectedEncoding } from './text-encoding';
import { transcodeHead, transcodeToUtf8 } from './utf8-transcoding';

/** The upload as UTF-8 text DuckDB can read: the upload itself, or a transcoded copy of it. */
export interface CsvText extends DetectedEncoding {
  readonly path: string;
  /** The upload's encoding when `path` is a transcoded copy (its byte offsets are then not the upload's). */
  readonly transcodedFrom: string | null;
}

function chooseEncoding(file: SourceFile, options: Partial<ReadOptions>): DetectedEncoding {
  const detected = detectEncoding(file.bytes);
  if (options.encoding === undefined) return detected;
  const chosen = knownEncoding(options.encoding);
  if (chosen === null) {
    throw badInput([
      {
        rule: 'unknown-encoding',
        message: `The encoding "${options.encoding}" is not one we can read; choose one such as utf-8, utf-16le, cp949, euc-kr or windows-1252.`,
      },
    ]);
  }
  return { encoding: chosen, hadByteOrderMark: detected.hadByteOrderMark && detected.encoding === chosen };
}

/** A file of nothing but white space (or only a byte order mark) has no table in it. */
function assertHasText(file: SourceFile, encoding: string): void {
  if (file.bytes.size > HEAD_BYTES) return;
  if (iconv.decode(file.bytes.head, encoding).trim() !== '') return;
  throw badInput([
    { rule: 'empty-file', message: 'The file has no data: it holds nothing but blank lines or spaces.' },
  ]);
}

/**
 * The upload's text in `workDir/source.csv`: a link to the upload when it is UTF-8, else the upload transcoded
 * to UTF-8 (all of it, or for `part: 'head'` only its first whole lines, enough to sniff). DuckDB is always
 * pointed at that plain name rather than the upload's path: a path holding `*`, `?` or `[` would be taken for
 * a glob, and a `.gz` ending would switch decompression on.
 */
export async function prepareCsvText(
  file: SourceFile,
  options: Partial<ReadOptions>,
  workDir: string,
  part: 'whole' | 'head',
): Promise<CsvText> {
  const encoding = chooseEncoding(file, options);
  assertHasText(file, encoding.encoding);
  const path = join(workDir, 'source.csv');
  if (encoding.encoding === 'utf-8') {
    await symlink(file.path, path);
    return { ...encoding, path, transcodedFrom: null };
  }
  if (part === 'whole') await transcodeToUtf8(file.path, path, encoding.encoding);
  else await writeFile(path, transcodeHead(file.bytes.head, encoding.encoding));
  return { ...encoding, path, transcodedFrom: encoding.encoding };
}
