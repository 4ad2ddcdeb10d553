import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMixedCsv } from '../ingest/mixed-csv';
import { firstPageLatency, loadNow, machine, round } from './bench-figures';

/**
 * The dataset ingest as users run it: the built workbench server (the web package's `start` script, the
 * process `pnpm start` ends in) receives a generated CSV over HTTP on loopback, as the browser's upload sends
 * it, and ingests it the whole way with autoCommit. Its memory is the server process's own high-water mark (the kernel's VmHWM, reset
 * once the server is up), so nothing between two samples is missed. A command, never a test:
 *   pnpm bench:ingest-server [embedded|real] [size in MB, default 1024]
 * Real mode takes the services from the environment (`eval "$(bash scripts/stack env)"`); embedded mode passes
 * the server only PATH and NODE_OPTIONS (e.g. `--require` a memory logger while looking into a figure).
 */
const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../web');
const PORT = Number(process.env.BENCH_PORT ?? 3197);
const BASE = `http://127.0.0.1:${PORT}`;

async function main(): Promise<void> {
  const mode = process.argv[2] === 'real' ? 'real' : 'embedded';
  const megabytes = Number(process.argv[3] ?? 1024);
  const work = await mkdtemp(join(tmpdir(), 'bench-ingest-server-'));
  const loadAtStart = loadNow();
  let server: Server | undefined;
  try {
    const csv = join(work, 'orders.csv');
    const generated = await writeMixedCsv(csv, megabytes * 1024 * 1024, 'utf-8');
    const env = {
      ...(mode === 'real'
        ? process.env
        : { PATH: process.env.PATH, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' }),
      SPICE_DATA_DIR: join(work, 'data'),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    };
    // The first start creates the embedded database (PGlite's initdb), once per data directory: every start
    // a user makes after the first finds it made, so the figures come from a second start.
    await stop(await start(env));
    server = await start(env);
    const pid = server.pid;

    const cookie = await signIn();
    const datasetId = `bench-${Date.now().toString(36)}`;
    await call('POST', '/api/v1/datasets', cookie, {
      datasetId,
      name: 'Ingest benchmark',
      commandId: randomUUID(),
    });
    const idleRssMiB = await status(pid, 'VmRSS');
    await writeFile(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current resident set

    const started = performance.now();
    const job = (await upload(csv, datasetId, cookie)) as { kind: string; job?: { phase: string } };
    const totalSeconds = (performance.now() - started) / 1000;
    const peakRssMiB = await status(pid, 'VmHWM');
    if (job.kind !== 'job' || job.job?.phase !== 'committed')
      throw new Error(`the ingest did not commit: ${JSON.stringify(job).slice(0, 2000)}`);

    const previewFirstPageMsOverHttp = await firstPageLatency(() => call('GET', `/api/v1/datasets/${datasetId}/rows?ref=main&offset=0&limit=200`, cookie));
    const afterRssMiB = await status(pid, 'VmRSS');
    console.log(
      JSON.stringify({
        mode,
        process: 'next start (the workbench server)',
        machine: machine(),
        loadAtStart,
        loadAtEnd: loadNow(),
        file: { megabytes: Math.round(generated.bytes / 1024 ** 2), rows: generated.rows },
        ingest: {
          totalSeconds: round(totalSeconds),
          megabytesPerSecond: round(generated.bytes / 1e6 / totalSeconds),
          mebibytesPerSecond: round(generated.bytes / 1024 ** 2 / totalSeconds),
        },
        memory: {
          idleRssMiB,
          peakRssMiB,
          peakRssMB: Math.round((peakRssMiB * 1024 ** 2) / 1e6),
          afterRssMiB,
        },
        previewFirstPageMsOverHttp,
      }),
    );
  } finally {
    if (server) await stop(server);
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Runs the web package's own `start` script (what `pnpm start` and `scripts/e2e` run, with its Node
 * options), and finds the server process under it, so the memory read is the one users' servers have.
 */
async function start(env: NodeJS.ProcessEnv): Promise<Server> {
  const { scripts } = JSON.parse(await readFile(join(WEB_DIR, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const path = `${join(WEB_DIR, 'node_modules', '.bin')}:${env.PATH ?? ''}`;
  const shell = spawn('sh', ['-c', scripts.start], {
    cwd: WEB_DIR,
    env: { ...env, PATH: path, PORT: String(PORT) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (shell.exitCode !== null)
      throw new Error(
        `the workbench server exited with ${shell.exitCode} (is it built? pnpm --filter @spice/web build)`,
      );
    const up = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { shell, pid: await serverPid(shell.pid!) };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the workbench server did not answer /api/health within 120 s');
}

/** The process Next names `next-server` among the shell's descendants. */
async function serverPid(root: number): Promise<number> {
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if ((await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).startsWith('next-server'))
      return pid;
    for (const task of await readdir(`/proc/${pid}/task`).catch(() => [])) {
      const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
      queue.push(...children.split(' ').filter(Boolean).map(Number));
    }
  }
  throw new Error(`no next-server process under ${root}`);
}

/** Stops the server as a service manager would (SIGTERM); its shell then ends and collects it. */
async function stop(server: Server): Promise<void> {
  if (server.shell.exitCode !== null) return;
  process.kill(server.pid, 'SIGTERM');
  await once(server.shell, 'exit');
}

interface Server {
  readonly shell: ChildProcess;
  readonly pid: number;
}

async function signIn(): Promise<string> {
  const res = await fetch(`${BASE}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ actor: 'bench@spice.local' }),
  });
  if (!res.ok) throw new Error(`sign-in answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function call(method: string, path: string, cookie: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok)
    throw new Error(`${method} ${path} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return res.json();
}

/** Streams the file as the request body, as a browser sends a dropped file (never read whole into memory here). */
async function upload(file: string, datasetId: string, cookie: string): Promise<unknown> {
  const req = request(
    `${BASE}/api/v1/datasets/${datasetId}/uploads?fileName=orders.csv&autoCommit=true&badValues=skip&message=benchmark`,
    {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
    },
  );
  createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(req);
  const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if ((res.statusCode ?? 500) >= 300)
    throw new Error(`the upload answered ${res.statusCode}: ${text.slice(0, 2000)}`);
  return JSON.parse(text);
}

async function status(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const line = (await readFile(`/proc/${pid}/status`, 'utf8'))
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Math.round(Number(line?.match(/(\d+)/)?.[1]) / 1024);
}


main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
