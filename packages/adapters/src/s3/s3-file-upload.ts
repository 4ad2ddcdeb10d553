import { createReadStream } from 'node:fs';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { isTransient } from './s3-errors';

const MIB = 1024 * 1024;
/** Up to this size a file goes up in one PutObject; parts are never smaller (S3's minimum is 5 MiB). */
const MIN_PART_BYTES = 8 * MIB;
/** About this many parts per file: 16 MiB parts for 1 GiB, larger ones for larger files. */
const TARGET_PARTS = 64;
const MAX_PARTS = 10_000;
const PARTS_IN_FLIGHT = 4;
const PART_ATTEMPTS = 3;

export interface FileUpload {
  readonly bucket: string;
  readonly key: string;
  readonly filePath: string;
  readonly sizeBytes: number;
  readonly contentType?: string;
  readonly ifAbsent?: boolean;
}

/**
 * Uploads a local file, each request's body streamed from its byte range of the file. lib-storage's Upload
 * copied every part into memory and hashed it there: ~3.9 CPU-seconds of this process per GiB against ~1.2
 * this way, on the same core the reader needs. `client` must not retry by itself (its streamed bodies cannot be
 * sent twice): a failed part is sent again here from a fresh stream. `If-None-Match: *` rides on the PutObject
 * or on CompleteMultipartUpload; a multipart upload that fails or is refused is aborted, leaving no parts.
 */
export async function uploadFile(client: S3Client, upload: FileUpload): Promise<void> {
  const { bucket, key, filePath, sizeBytes } = upload;
  const condition = upload.ifAbsent ? { IfNoneMatch: '*' } : {};
  if (sizeBytes <= MIN_PART_BYTES) {
    await withRetries(() =>
      client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: sizeBytes === 0 ? new Uint8Array() : createReadStream(filePath),
          ContentLength: sizeBytes,
          ContentType: upload.contentType,
          ...condition,
        }),
      ),
    );
    return;
  }
  const { UploadId } = await withRetries(() =>
    client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: upload.contentType })),
  );
  try {
    const parts = await uploadParts(client, { ...upload, uploadId: UploadId! });
    await withRetries(() =>
      client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId,
          MultipartUpload: { Parts: parts },
          ...condition,
        }),
      ),
    );
  } catch (e) {
    await client
      .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId }))
      .catch(() => undefined);
    throw e;
  }
}

async function uploadParts(client: S3Client, upload: FileUpload & { uploadId: string }) {
  const partBytes = partSize(upload.sizeBytes);
  const count = Math.ceil(upload.sizeBytes / partBytes);
  const parts: { ETag: string; PartNumber: number }[] = new Array(count);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < count && !failed) {
      const index = next++;
      const start = index * partBytes;
      const end = Math.min(upload.sizeBytes, start + partBytes);
      try {
        const sent = await withRetries(() =>
          client.send(
            new UploadPartCommand({
              Bucket: upload.bucket,
              Key: upload.key,
              UploadId: upload.uploadId,
              PartNumber: index + 1,
              Body: createReadStream(upload.filePath, { start, end: end - 1, highWaterMark: MIB }),
              ContentLength: end - start,
            }),
          ),
        );
        parts[index] = { ETag: sent.ETag!, PartNumber: index + 1 };
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  // Every part in flight ends before a failure is reported: the caller's abort must come after the last part,
  // or a part landing after it would be kept (and billed) by the server.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(PARTS_IN_FLIGHT, count) }, worker));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return parts;
}

function partSize(sizeBytes: number): number {
  const wanted = Math.max(MIN_PART_BYTES, Math.ceil(sizeBytes / TARGET_PARTS), Math.ceil(sizeBytes / MAX_PARTS));
  return Math.ceil(wanted / MIB) * MIB;
}

/** Network trouble, throttling and 5xx are tried again (a fresh request each time); other answers are final. */
async function withRetries<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (attempt >= PART_ATTEMPTS || !isTransient(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
