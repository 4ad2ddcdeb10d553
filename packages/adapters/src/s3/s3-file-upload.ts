import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { httpStatus, isAlreadyExists, isTransient } from './s3-errors';

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
 * A request sent again after its answer was lost can be refused for what the first one did (the key now
 * exists, the upload is already completed): then the object at the key is compared with ours by its ETag.
 */
export async function uploadFile(client: S3Client, upload: FileUpload): Promise<void> {
  const { bucket, key, filePath, sizeBytes } = upload;
  const condition = upload.ifAbsent ? { IfNoneMatch: '*' } : {};
  if (sizeBytes <= MIN_PART_BYTES) {
    await storeWithRetries(
      () =>
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
      async () => (await objectETag(client, bucket, key)) === `"${await fileMd5(filePath)}"`,
    );
    return;
  }
  const { UploadId } = await withRetries(() =>
    client.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: upload.contentType }),
    ),
  );
  try {
    const parts = await uploadParts(client, { ...upload, uploadId: UploadId! });
    await storeWithRetries(
      () =>
        client.send(
          new CompleteMultipartUploadCommand({
            Bucket: bucket,
            Key: key,
            UploadId,
            MultipartUpload: { Parts: parts },
            ...condition,
          }),
        ),
      async () => (await objectETag(client, bucket, key)) === multipartETag(parts),
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
  const wanted = Math.max(
    MIN_PART_BYTES,
    Math.ceil(sizeBytes / TARGET_PARTS),
    Math.ceil(sizeBytes / MAX_PARTS),
  );
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

/**
 * The request that stores the object, with retries. A retry refused as if the request had already been carried
 * out (412: the key exists; 404: the upload is already completed) asks `landedBefore` whether an earlier try
 * was: an answer lost on its way back must not turn a stored file into a failure.
 */
async function storeWithRetries(
  send: () => Promise<unknown>,
  landedBefore: () => Promise<boolean>,
): Promise<void> {
  let tries = 0;
  try {
    await withRetries(() => {
      tries++;
      return send();
    });
  } catch (e) {
    if (
      tries > 1 &&
      (isAlreadyExists(e) || httpStatus(e) === 404) &&
      (await landedBefore().catch(() => false))
    )
      return;
    throw e;
  }
}

async function objectETag(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  return (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ETag;
}

/** S3's ETag of a completed multipart upload: the MD5 of its parts' MD5s, then the count of parts. */
function multipartETag(parts: readonly { ETag: string }[]): string {
  const digests = Buffer.concat(parts.map((p) => Buffer.from(p.ETag.replaceAll('"', ''), 'hex')));
  return `"${createHash('md5').update(digests).digest('hex')}-${parts.length}"`;
}

async function fileMd5(filePath: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
