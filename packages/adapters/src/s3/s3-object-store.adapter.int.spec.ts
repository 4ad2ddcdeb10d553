import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { testObjectStore } from '@spice/domain/contracts';
import { describe, expect, it } from 'vitest';
import { scratchFilesIn } from '../testing/scratch-files';
import { OBJECT_STORE_INVALID_KEY } from './s3-object-key';
import { S3ObjectStore, type S3ObjectStoreConfig } from './s3-object-store.adapter';

const HOW_TO_START = 'run `bash scripts/stack up s3` and `eval "$(bash scripts/stack env s3)"`';

function configFromEnv(): S3ObjectStoreConfig {
  const env = process.env;
  const names = [
    'S3_ENDPOINT',
    'S3_BUCKET',
    'S3_REGION',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
  ] as const;
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`${missing.join(', ')} not set: ${HOW_TO_START}`);
  return {
    endpoint: env.S3_ENDPOINT!,
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
  };
}

async function openStore(config: S3ObjectStoreConfig): Promise<S3ObjectStore> {
  const store = new S3ObjectStore(config);
  try {
    await store.ensureBucket();
  } catch (e) {
    store.close();
    throw new Error(
      `S3 at ${config.endpoint} is not usable (${e instanceof Error ? e.message : String(e)}): ${HOW_TO_START}`,
      { cause: e },
    );
  }
  return store;
}

testObjectStore('S3', async () => {
  const store = await openStore(configFromEnv());
  const scratch = await mkdtemp(join(tmpdir(), 'spice-s3-object-store-'));
  return {
    store,
    files: scratchFilesIn(scratch),
    cleanup: async () => {
      store.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
});

describe('S3ObjectStore bucket', () => {
  it('creates a missing bucket on first use', async () => {
    const config = {
      ...configFromEnv(),
      bucket: `spice-test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    };
    const store = await openStore(config);
    const admin = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: true,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
    try {
      await store.putIfAbsent('first', new TextEncoder().encode('hello'));
      expect(new TextDecoder().decode((await store.get('first'))!)).toBe('hello');
      expect((await store.health()).up).toBe(true);
    } finally {
      await admin.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: 'first' }));
      await admin.send(new DeleteBucketCommand({ Bucket: config.bucket }));
      admin.destroy();
      store.close();
    }
  });
});

describe('S3ObjectStore keys', () => {
  // Each breaks one ObjectStore key rule; MinIO (the stack's server) would refuse them all, AWS S3 none.
  const badSuffixes = [
    'a//b',
    'trailing/',
    '..',
    '../escape',
    'x/./y',
    'x/ .. /y',
    'back\\..',
    'nul\u0000',
    'lone\ud800',
    'x'.repeat(1025),
  ];

  it('refuses keys outside the rules before writing, reading or deleting anything', async () => {
    const store = await openStore(configFromEnv());
    const scratch = await mkdtemp(join(tmpdir(), 'spice-s3-bad-keys-'));
    const file = join(scratch, 'file');
    await writeFile(file, 'body');
    const base = `s3-bad-keys-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}/`;
    try {
      for (const suffix of badSuffixes) {
        const key = base + suffix;
        const expected = { code: OBJECT_STORE_INVALID_KEY, kind: 'invalid' };
        await expect(store.putIfAbsent(key, new Uint8Array()), JSON.stringify(key)).rejects.toMatchObject(
          expected,
        );
        await expect(store.put(key, new Uint8Array()), JSON.stringify(key)).rejects.toMatchObject(expected);
        await expect(store.get(key), JSON.stringify(key)).rejects.toMatchObject(expected);
        await expect(store.delete(key), JSON.stringify(key)).rejects.toMatchObject(expected);
        await expect(store.putFile(key, file), JSON.stringify(key)).rejects.toMatchObject(expected);
        await expect(store.getFile(key, join(scratch, 'got')), JSON.stringify(key)).rejects.toMatchObject(
          expected,
        );
        await expect(store.size(key), JSON.stringify(key)).rejects.toMatchObject(expected);
      }
      expect(await store.list(base)).toEqual([]);
    } finally {
      store.close();
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('S3ObjectStore file uploads', () => {
  const MIB = 1024 * 1024;

  async function withScratch<T>(work: (files: ReturnType<typeof scratchFilesIn>, dir: string) => Promise<T>) {
    const root = await mkdtemp(join(tmpdir(), 'spice-s3-uploads-'));
    try {
      const files = scratchFilesIn(root);
      return await work(files, await files.makeDir());
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }

  it('aborts a refused multipart upload: no parts are left behind', async () => {
    const config = configFromEnv();
    const store = await openStore(config);
    const admin = adminClient(config);
    const key = `s3-uploads-${Date.now().toString(36)}/refused`;
    try {
      await withScratch(async (files, dir) => {
        await store.put(key, new TextEncoder().encode('first'));
        const big = files.join(dir, 'big');
        await files.writeRandom(big, 20 * MIB);
        await expect(store.putFile(key, big, { ifAbsent: true })).rejects.toMatchObject({
          code: 'OBJECT_STORE.ALREADY_EXISTS',
        });
        const pending = await admin.send(
          new ListMultipartUploadsCommand({ Bucket: config.bucket, Prefix: key }),
        );
        expect(pending.Uploads ?? []).toEqual([]);
        expect(new TextDecoder().decode((await store.get(key))!)).toBe('first');
      });
    } finally {
      await store.delete(key);
      admin.destroy();
      store.close();
    }
  });

  it('sends a part again when the server fails it once, and stores the file whole', async () => {
    const config = configFromEnv();
    const failedOnce = new Set<string>();
    // Answers the first try of part 2 with 503 SlowDown.
    const proxy = await proxyTo(config.endpoint, (request, response) => {
      const url = new URL(request.url ?? '/', 'http://proxy');
      if (
        request.method !== 'PUT' ||
        url.searchParams.get('partNumber') !== '2' ||
        failedOnce.has(url.pathname)
      )
        return false;
      failedOnce.add(url.pathname);
      request.resume();
      request.on('end', () => {
        response.writeHead(503, { 'content-type': 'application/xml' });
        response.end(
          '<?xml version="1.0"?><Error><Code>SlowDown</Code><Message>Please slow down</Message></Error>',
        );
      });
      return true;
    });
    const store = await openStore({ ...config, endpoint: proxy.endpoint });
    const key = `s3-uploads-${Date.now().toString(36)}/retried`;
    try {
      await withScratch(async (files, dir) => {
        const big = files.join(dir, 'big');
        const sha256 = await files.writeRandom(big, 20 * MIB);
        expect(await store.putFile(key, big)).toEqual({ sizeBytes: 20 * MIB });
        expect(failedOnce.size).toBe(1);
        const copy = files.join(dir, 'copy');
        expect(await store.getFile(key, copy)).toBe(true);
        expect(await files.sha256(copy)).toBe(sha256);
      });
    } finally {
      await store.delete(key);
      store.close();
      await proxy.close();
    }
  });

  // The server stores the object, and its answer is lost on the way back: the retry is refused (412 under
  // If-None-Match, or 404 for an upload already completed), yet the file is stored, and it is reported so.
  for (const [size, request] of [
    [20 * MIB, 'CompleteMultipartUpload'],
    // Small enough to be sent whole before an early refusal closes the connection (a larger body reaches a
    // client through this proxy as a broken pipe, not as the 412).
    [64 * 1024, 'PutObject'],
  ] as const) {
    it(`reports a file stored when the answer to its ${request} was lost and the retry is refused`, async () => {
      const config = configFromEnv();
      let lost = 0;
      const isStoringRequest = (method: string | undefined, url: URL) =>
        request === 'PutObject'
          ? method === 'PUT' && !url.searchParams.has('partNumber')
          : method === 'POST' && url.searchParams.has('uploadId');
      const proxy = await proxyTo(config.endpoint, (incoming, response, forward) => {
        if (lost > 0 || !isStoringRequest(incoming.method, new URL(incoming.url ?? '/', 'http://proxy')))
          return false;
        lost++;
        // Carried out upstream; then the connection drops before any answer.
        forward((answer) => {
          answer.resume();
          response.destroy();
        });
        return true;
      });
      const store = await openStore({ ...config, endpoint: proxy.endpoint });
      const direct = await openStore(config);
      const admin = adminClient(config);
      const key = `s3-uploads-${Date.now().toString(36)}/lost-${request}`;
      try {
        await withScratch(async (files, dir) => {
          const file = files.join(dir, 'file');
          const sha256 = await files.writeRandom(file, size);
          expect(await store.putFile(key, file, { ifAbsent: true })).toEqual({ sizeBytes: size });
          expect(lost).toBe(1);
          const copy = files.join(dir, 'copy');
          expect(await store.getFile(key, copy)).toBe(true);
          expect(await files.sha256(copy)).toBe(sha256);
          // A different file under the same key is still refused (straight to the server: through this proxy
          // the early 412 reaches the client as a broken pipe while it still sends the body).
          const other = files.join(dir, 'other');
          await files.writeRandom(other, size);
          await expect(direct.putFile(key, other, { ifAbsent: true })).rejects.toMatchObject({
            code: 'OBJECT_STORE.ALREADY_EXISTS',
          });
          const pending = await admin.send(
            new ListMultipartUploadsCommand({ Bucket: config.bucket, Prefix: key }),
          );
          expect(pending.Uploads ?? []).toEqual([]);
        });
      } finally {
        await store.delete(key);
        admin.destroy();
        direct.close();
        store.close();
        await proxy.close();
      }
    });
  }
});

/**
 * An HTTP proxy in front of the S3 server. `intercept` may take a request over (returning true); it can also
 * forward it itself and decide what happens to the answer (`forward(onAnswered)`).
 */
async function proxyTo(
  endpoint: string,
  intercept: (
    request: IncomingMessage,
    response: ServerResponse,
    forward: (onAnswered: (answer: IncomingMessage) => void) => void,
  ) => boolean,
): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const upstream = new URL(endpoint);
  const forwardOf = (request: IncomingMessage) => (onAnswered: (answer: IncomingMessage) => void) => {
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      onAnswered,
    );
    request.pipe(forwarded);
  };
  const proxy = createServer((request, response) => {
    const forward = forwardOf(request);
    if (intercept(request, response, forward)) return;
    forward((answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

function adminClient(config: S3ObjectStoreConfig): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
}
