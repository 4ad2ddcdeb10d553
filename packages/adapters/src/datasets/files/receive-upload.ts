import type { Readable } from 'node:stream';
import type { ReceivedFile } from '@spice/domain';
import type { System } from '../../composition/composition-root';
import { spoolUpload } from './spool-upload';

/**
 * Spools an upload into a scratch directory, hands the file to `ingest`, and removes the local copy after
 * (the ingest stores the raw file in the object store before it returns).
 */
export async function receiveUpload<T>(system: System, body: ReadableStream<Uint8Array> | Readable, ingest: (file: ReceivedFile) => Promise<T>): Promise<T> {
  const dir = await system.scratch.create('upload');
  try {
    return await ingest(await spoolUpload(body, dir.file('upload'), system.config.datasets.maxUploadBytes));
  } finally {
    await dir.release();
  }
}
