import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  conflict,
  DomainError,
  OBJECT_ALREADY_EXISTS,
  unavailable,
  type ComponentHealth,
  type ListOptions,
  type ObjectStore,
  type PutFileOptions,
  type PutOptions,
} from '@spice/domain';
import type { SpiceConfig } from '../config/config';
import { sourceFileSize, writeFileAtomically } from '../local/local-file';
import { describe, httpStatus, isAlreadyExists, isTransient } from './s3-errors';
import { uploadFile } from './s3-file-upload';
import { checkObjectKey } from './s3-object-key';

export type S3ObjectStoreConfig = Omit<Extract<SpiceConfig['objectStore'], { kind: 's3' }>, 'kind'>;

const OBJECT_STORE_UNAVAILABLE = 'OBJECT_STORE.UNAVAILABLE';
const OBJECT_STORE_REQUEST_FAILED = 'OBJECT_STORE.REQUEST_FAILED';
const MAX_KEYS_PER_PAGE = 1000;

/**
 * The object store on the S3 API (AWS S3, MinIO). Create-if-absent is S3's conditional write
 * (`If-None-Match: *`, on PutObject and on CompleteMultipartUpload), so the server itself refuses a second
 * object at the same key. Files go up streamed from disk, as multipart uploads of a few parts in flight at a time.
 * Keys outside the ObjectStore key rules are refused before any request (see checkObjectKey).
 * The bucket is created on first use when missing.
 */
/**
 * Without a logger of its own, the SDK writes "An error was encountered in a non-retryable streaming request."
 * to the console for every failed streamed request, a refused conditional put included. The upload client's
 * requests are never retried by the SDK by design (uploadFile retries them), and every failure reaches the
 * caller as an error.
 */
const SILENT_SDK_LOGGER = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;
  /** For streamed file bodies, which cannot be sent twice: uploadFile retries with fresh streams itself. */
  private readonly uploadClient: S3Client;
  private readonly bucket: string;
  private readonly endpoint: string;
  private bucketReady: Promise<void> | null = null;

  constructor(config: S3ObjectStoreConfig) {
    this.bucket = config.bucket;
    this.endpoint = config.endpoint;
    const clientConfig = {
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: true,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Without these, a black-holed endpoint hangs a request for minutes instead of failing.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    };
    this.client = new S3Client(clientConfig);
    this.uploadClient = new S3Client({ ...clientConfig, maxAttempts: 1, logger: SILENT_SDK_LOGGER });
  }

  async putIfAbsent(key: string, body: Uint8Array, options: PutOptions = {}): Promise<void> {
    checkObjectKey(key);
    await this.ensureBucket();
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          IfNoneMatch: '*',
          ContentType: options.contentType,
        }),
      );
    } catch (e) {
      if (isAlreadyExists(e))
        throw conflict(OBJECT_ALREADY_EXISTS, `Object already exists: ${key}`, { key, bucket: this.bucket });
      throw this.failure(`put ${key}`, e);
    }
  }

  async put(key: string, body: Uint8Array, options: PutOptions = {}): Promise<void> {
    checkObjectKey(key);
    await this.ensureBucket();
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType }),
      );
    } catch (e) {
      throw this.failure(`put ${key}`, e);
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    checkObjectKey(key);
    await this.ensureBucket();
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
    } catch (e) {
      if (e instanceof S3ServiceException && e.name === 'NoSuchKey') return null;
      throw this.failure(`get ${key}`, e);
    }
  }

  /** Streams the file up from disk (see uploadFile): one PutObject up to 8 MiB, else a multipart upload. */
  async putFile(key: string, filePath: string, options: PutFileOptions = {}): Promise<{ sizeBytes: number }> {
    checkObjectKey(key);
    const sizeBytes = await sourceFileSize(filePath);
    await this.ensureBucket();
    try {
      await uploadFile(this.uploadClient, {
        bucket: this.bucket,
        key,
        filePath,
        sizeBytes,
        contentType: options.contentType,
        ifAbsent: options.ifAbsent,
      });
    } catch (e) {
      if (options.ifAbsent && isAlreadyExists(e))
        throw conflict(OBJECT_ALREADY_EXISTS, `Object already exists: ${key}`, { key, bucket: this.bucket });
      throw this.failure(`put ${key} from ${filePath}`, e);
    }
    return { sizeBytes };
  }

  async getFile(key: string, filePath: string): Promise<boolean> {
    checkObjectKey(key);
    await this.ensureBucket();
    let response;
    try {
      response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (e) {
      if (e instanceof S3ServiceException && e.name === 'NoSuchKey') return false;
      throw this.failure(`get ${key}`, e);
    }
    // In Node the SDK answers the HTTP response itself, a Readable.
    const source = (response.Body as Readable | undefined) ?? Readable.from([]);
    const expectedBytes = response.ContentLength ?? 0;
    try {
      await writeFileAtomically(filePath, async (temp) => {
        const target = createWriteStream(temp, { flags: 'wx' });
        await pipeline(source, target);
        // A connection cut between HTTP chunks can end the body early without an error.
        if (target.bytesWritten !== expectedBytes)
          throw new Error(`received ${target.bytesWritten} of ${expectedBytes} bytes`);
      });
    } catch (e) {
      throw this.failure(`get ${key} into ${filePath}`, e);
    }
    return true;
  }

  async size(key: string): Promise<number | null> {
    checkObjectKey(key);
    await this.ensureBucket();
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (e) {
      // HEAD has no body to carry an error code: a missing key is a bare 404.
      if (httpStatus(e) === 404) return null;
      throw this.failure(`stat ${key}`, e);
    }
  }

  async list(prefix: string, options: ListOptions = {}): Promise<string[]> {
    await this.ensureBucket();
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const keys: string[] = [];
    let continuationToken: string | undefined;
    while (keys.length < limit) {
      const page = await this.listPage(
        prefix,
        options.startAfter,
        continuationToken,
        Math.min(MAX_KEYS_PER_PAGE, limit - keys.length),
      );
      for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
      if (!page.IsTruncated || !page.NextContinuationToken) break;
      continuationToken = page.NextContinuationToken;
    }
    return keys.slice(0, limit);
  }

  async delete(key: string): Promise<void> {
    checkObjectKey(key);
    await this.ensureBucket();
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (e) {
      throw this.failure(`delete ${key}`, e);
    }
  }

  async health(): Promise<ComponentHealth> {
    const base = { component: 'object store', adapter: 's3', mode: 'real' } as const;
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return { ...base, up: true, detail: `${this.endpoint}/${this.bucket}` };
    } catch (e) {
      return { ...base, up: false, detail: `${this.endpoint}/${this.bucket}: ${describe(e)}` };
    }
  }

  /** Creates the bucket when it is missing; runs once per instance unless it fails. */
  ensureBucket(): Promise<void> {
    this.bucketReady ??= this.createBucketIfMissing().catch((e: unknown) => {
      this.bucketReady = null;
      throw e;
    });
    return this.bucketReady;
  }

  close(): void {
    this.client.destroy();
    this.uploadClient.destroy();
  }

  private async createBucketIfMissing(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (e) {
      if (httpStatus(e) !== 404) throw this.failure(`reach bucket ${this.bucket}`, e);
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    } catch (e) {
      // Another process created it between our HEAD and CREATE.
      if (e instanceof S3ServiceException && e.name === 'BucketAlreadyOwnedByYou') return;
      throw this.failure(`create bucket ${this.bucket}`, e);
    }
  }

  private async listPage(
    prefix: string,
    startAfter: string | undefined,
    continuationToken: string | undefined,
    maxKeys: number,
  ) {
    try {
      return await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          StartAfter: startAfter,
          ContinuationToken: continuationToken,
          MaxKeys: maxKeys,
        }),
      );
    } catch (e) {
      throw this.failure(`list ${prefix}`, e);
    }
  }

  /** Network trouble, throttling and 5xx may pass on retry; other refusals (auth, bad request) will not. */
  private failure(action: string, cause: unknown): DomainError {
    const message = `S3 object store at ${this.endpoint} could not ${action}: ${describe(cause)}`;
    if (isTransient(cause)) return unavailable(OBJECT_STORE_UNAVAILABLE, message, cause);
    return new DomainError({
      code: OBJECT_STORE_REQUEST_FAILED,
      kind: 'unavailable',
      retryable: false,
      message,
      context: { bucket: this.bucket, status: httpStatus(cause) },
      cause,
    });
  }
}
