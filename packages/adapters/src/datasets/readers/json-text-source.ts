import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { badInput } from './parquet-read-report';

/**
 * JSON is UTF-8 (RFC 8259); a UTF-16 byte order mark is honoured, and an encoding the user names is decoded
 * with iconv-lite. Bytes that are not valid UTF-8 stop the read with the line they are on, rather than turning
 * into U+FFFD in the data.
 */
export interface JsonTextSource {
  readonly encoding: string;
  readonly hadByteOrderMark: boolean;
  chunks(): AsyncIterable<string>;
}

const BOMS: readonly (readonly [Buffer, string])[] = [
  [Buffer.from([0xef, 0xbb, 0xbf]), 'utf-8'],
  [Buffer.from([0xff, 0xfe]), 'utf-16le'],
  [Buffer.from([0xfe, 0xff]), 'utf-16be'],
];

const isUtf8 = (label: string) => /^utf-?8$/i.test(label);

export async function openJsonText(filePath: string, encoding?: string): Promise<JsonTextSource> {
  const handle = await open(filePath, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(3);
    const { bytesRead } = await handle.read(buffer, 0, 3, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.length === 0) throw badInput([{ rule: 'empty-file', message: 'The file is empty (0 bytes).' }]);
  const bom = BOMS.find(([mark]) => head.subarray(0, mark.length).equals(mark));
  const label = encoding ?? bom?.[1] ?? 'utf-8';
  if (!isUtf8(label) && !/^utf-16(le|be)$/i.test(label) && !iconv.encodingExists(label)) {
    throw badInput([
      { rule: 'unknown-encoding', message: `The encoding "${label}" is not one that can be read.` },
    ]);
  }
  return {
    encoding: label.toLowerCase(),
    hadByteOrderMark: bom !== undefined,
    chunks: () => decodeChunks(filePath, label),
  };
}

/** Both decoders drop a leading byte order mark. */
async function* decodeChunks(filePath: string, label: string): AsyncIterable<string> {
  const stream = createReadStream(filePath, { highWaterMark: 1 << 20 });
  if (!isUtf8(label) && !/^utf-16(le|be)$/i.test(label)) {
    const decoder = iconv.getDecoder(label);
    for await (const chunk of stream) yield decoder.write(chunk as Buffer);
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  const decoder = new TextDecoder(label, { fatal: true });
  let lines = 1;
  for await (const chunk of stream) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      const lenient = new TextDecoder(label).decode(chunk as Buffer);
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
      const line = lines + (before.match(/\n/g)?.length ?? 0);
      stream.destroy();
      throw badInput([
        {
          rule: 'invalid-encoding',
          line,
          message:
            `Line ${line} holds bytes that are not valid ${label.toUpperCase()} text; ` +
            'the file may be in another encoding (for example cp949): choose it and read the file again.',
        },
      ]);
    }
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
    yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
