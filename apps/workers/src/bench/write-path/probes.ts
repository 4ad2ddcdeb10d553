import { Agent, request } from 'node:http';
import type { BenchStack } from './bench-stack';
import { sigV4Headers, type S3Credentials } from './sigv4';
import { perSecond, round } from './stats';

export interface Probes {
  /** The S3 server alone: PUTs with If-None-Match over keep-alive HTTP, signed here, no SDK (real stack only). */
  readonly rawS3PutsPerSec?: { readonly sequential: number; readonly concurrent16: number };
  /** The object-store adapter's create-if-absent put (S3 SDK, or the local directory). */
  readonly adapterPutsPerSec: { readonly sequential: number; readonly concurrent16: number };
  /** One `select 1` round trip, and one autocommitted insert (a commit, with its WAL flush). */
  readonly pgRoundTripMs: number;
  readonly pgCommitMs: number;
}

const PUTS = 300;
const BODY = JSON.stringify({ events: [{ padding: 'x'.repeat(700) }] });

/** Raw costs of the services, to tell the servers' share of the time from ours. */
export async function measureProbes(stack: BenchStack): Promise<Probes> {
  const { system } = stack;
  const prefix = `probe/${stack.runId}`;
  const body = new TextEncoder().encode(BODY);
  const adapterPut = (i: number, tag: string) =>
    system.objects.putIfAbsent(`${prefix}/adapter-${tag}/${i}`, body, { contentType: 'application/json' });
  const adapterPutsPerSec = {
    sequential: await rate(1, (i) => adapterPut(i, 'seq')),
    concurrent16: await rate(16, (i) => adapterPut(i, 'c16')),
  };
  const s3 = system.config.objectStore;
  const rawS3PutsPerSec =
    s3.kind === 's3'
      ? await (async () => {
          const agent = new Agent({ keepAlive: true, maxSockets: 16 });
          const url = (i: number, tag: string) => `${s3.endpoint}/${s3.bucket}/${prefix}/raw-${tag}/${i}`;
          const result = {
            sequential: await rate(1, (i) => rawPut(agent, url(i, 'seq'), s3)),
            concurrent16: await rate(16, (i) => rawPut(agent, url(i, 'c16'), s3)),
          };
          agent.destroy();
          return result;
        })()
      : undefined;
  const sql = system.relational.sql;
  const pgRoundTripMs = await meanMs(1000, () => sql.query('select 1'));
  await sql.query(
    'create table if not exists bench_probe (id serial primary key, at timestamptz default now())',
  );
  const pgCommitMs = await meanMs(300, () => sql.query('insert into bench_probe default values'));
  return { ...(rawS3PutsPerSec ? { rawS3PutsPerSec } : {}), adapterPutsPerSec, pgRoundTripMs, pgCommitMs };
}

async function rate(concurrency: number, put: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < PUTS) await put(next++);
    }),
  );
  return perSecond(PUTS, performance.now() - started);
}

async function meanMs(times: number, call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < times; i++) await call();
  return round((performance.now() - started) / times, 3);
}

function rawPut(agent: Agent, url: string, credentials: S3Credentials): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'PUT',
        agent,
        headers: {
          ...sigV4Headers('PUT', new URL(url), credentials),
          'If-None-Match': '*',
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(BODY),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`raw PUT ${url}: HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(BODY);
  });
}
