import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createSystem, loadConfig, type SpiceConfig } from '@spice/adapters';
import { seedDeadLetters } from '@spice/adapters/testing/dead-letter-fixture';
import { eventuallyReadModelsMatch, expectReadModelsMatchEventStore } from '@spice/adapters/testing/read-model-oracle';
import { OBJECT_TYPE_PROJECTION, type DeadLetter } from '@spice/domain';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const HANDLER = OBJECT_TYPE_PROJECTION;

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `pnpm spice …` as an operator types it, in its own process. */
function spice(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--silent', 'spice', ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function spiceJson<T>(env: NodeJS.ProcessEnv, ...args: string[]): Promise<T> {
  const run = await spice(env, ...args, '--json');
  expect(run.code, `spice ${args.join(' ')} failed:\n${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as T;
}

interface Stack {
  readonly config: SpiceConfig;
  /** The environment the CLI process gets: the same stores as the test's system. */
  readonly env: NodeJS.ProcessEnv;
  cleanup(): void;
}

function cliOnEachStack(name: string, embedded: boolean, makeStack: () => Stack) {
  describe(`pnpm spice dlq / replay: ${name}`, () => {
    let stack: Stack;
    const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const streamA = `cli-${run}-a`;
    const streamB = `cli-${run}-b`;
    let lettersA: DeadLetter[];
    let lettersB: DeadLetter[];

    beforeAll(async () => {
      stack = makeStack();
      const system = await createSystem(stack.config, createLogger('warn'));
      try {
        lettersA = await seedDeadLetters(system, { ontologyId: streamA, objectTypes: ['Vessel', 'Berth'] });
        lettersB = await seedDeadLetters(system, { ontologyId: streamB, objectTypes: ['Crane'] });
      } finally {
        // PGlite serves one process at a time: the CLI processes below open the same data directory.
        await system.stop();
      }
    });
    afterAll(() => stack?.cleanup());

    it('lists the dead letters with their event types, attempts and errors', async () => {
      const listed = await spiceJson<(DeadLetter & { eventType: string })[]>(stack.env, 'dlq', 'list', '--handler', HANDLER);
      const ours = listed.filter((d) => d.aggregateId === streamA || d.aggregateId === streamB);
      expect(ours.map((d) => [d.aggregateId, d.sequenceNumber, d.eventType])).toEqual([
        [streamA, 2, 'ObjectTypeDefined'],
        [streamA, 3, 'ObjectTypeDefined'],
        [streamB, 2, 'ObjectTypeDefined'],
      ]);
      expect(ours[0]).toMatchObject({ eventId: lettersA[0]!.eventId, attempts: 3, lastError: expect.stringContaining('simulated outage') });
      expect(ours[1]!.lastError).toContain(`blocked behind dead-lettered event ${lettersA[0]!.eventId}`);

      const text = await spice(stack.env, 'dlq', 'list');
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^HANDLER\s+AGGREGATE\s+SEQ\s+EVENT TYPE\s+EVENT ID\s+ATTEMPTS\s+DEAD SINCE\s+LAST ERROR$/m);
      expect(text.stdout).toContain(`ontology/${streamA}`);
    });

    it('shows one dead letter: the stored event as keys and values, and the registry row', async () => {
      const shown = await spice(stack.env, 'dlq', 'show', HANDLER, lettersA[0]!.eventId);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain(`Dead letter ${lettersA[0]!.eventId} of ${HANDLER}`);
      expect(shown.stdout).toMatch(/event type\s+ObjectTypeDefined \(schema v3\)/);
      expect(shown.stdout).toMatch(/attempts\s+3/);
      expect(shown.stdout).toMatch(/last error\s+.*simulated outage/);
      expect(shown.stdout).toMatch(/^ {2}apiName\s+Vessel$/m);
      expect(shown.stdout).toMatch(/^ {2}properties\.0\.apiName\s+code$/m);

      const missing = await spice(stack.env, 'dlq', 'show', HANDLER, 'no-such-event');
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('No dead letter no-such-event');
      expect(missing.stderr).toContain('[DEAD_LETTER.NOT_FOUND]');
    });

    it.runIf(embedded)('refuses to open an embedded database another process has open, rather than corrupt it', async () => {
      const holder = await createSystem(stack.config, createLogger('warn'));
      try {
        const refused = await spice(stack.env, 'dlq', 'list');
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toContain(`is open in process ${process.pid}`);
        expect(refused.stderr).toContain('[RELATIONAL.DATA_DIR_IN_USE]');
      } finally {
        await holder.stop();
      }
    });

    it('refuses to re-drive an event that waits behind another dead letter, and exits non-zero', async () => {
      const refused = await spice(stack.env, 'dlq', 'redrive', HANDLER, lettersA[1]!.eventId);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('[DEAD_LETTER.BEHIND_ANOTHER]');
      const usage = await spice(stack.env, 'dlq', 'redrive', HANDLER);
      expect(usage.code).not.toBe(0);
      expect(usage.stderr).toContain("missing required argument 'eventId'");
    });

    it('re-drives one stream, then all, and the projection applies them: the read models match the event store', async () => {
      const one = await spiceJson<{ redriven: DeadLetter[] }>(stack.env, 'dlq', 'redrive', HANDLER, lettersA[0]!.eventId);
      expect(one.redriven.map((d) => d.eventId)).toEqual(lettersA.map((d) => d.eventId));
      const all = await spiceJson<{ redriven: DeadLetter[] }>(stack.env, 'dlq', 'redrive-all', HANDLER);
      expect(all.redriven.map((d) => d.eventId)).toContain(lettersB[0]!.eventId);
      const left = await spiceJson<DeadLetter[]>(stack.env, 'dlq', 'list', '--handler', HANDLER);
      expect(left.filter((d) => d.aggregateId === streamA || d.aggregateId === streamB)).toEqual([]);

      const system = await createSystem(stack.config, createLogger('warn'));
      try {
        // With Kafka the workers apply re-driven events; with the in-process bus the CLI applied them itself.
        if (system.config.bus.kind === 'kafka') await system.startWorkers();
        await eventuallyReadModelsMatch(system, [streamA, streamB], 120_000);
        expect((await system.ontology.listObjectTypes(streamA)).map((t) => t.apiName)).toEqual(['Berth', 'Vessel']);
      } finally {
        await system.stop();
      }
    }, 300_000);

    // On the real stack the replay reads every stream ever written to its database, not just this test's.
    it('replays the object-type projection and reports what it rebuilt', async () => {
      const text = await spice(stack.env, 'replay', 'object-types');
      expect(text.code, text.stderr).toBe(0);
      const [, streams, events] = /^Rebuilt object-types \(handler projection\.object-types\) from the event store: (\d+) streams, (\d+) events, \d+ search documents\.$/m.exec(text.stdout) ?? [];
      // At least this test's two streams: 1 + 2 and 1 + 1 events.
      expect(Number(streams)).toBeGreaterThanOrEqual(2);
      expect(Number(events)).toBeGreaterThanOrEqual(5);
      const system = await createSystem(stack.config, createLogger('warn'));
      try {
        await expectReadModelsMatchEventStore(system, [streamA, streamB]);
      } finally {
        await system.stop();
      }
      const unknown = await spice(stack.env, 'replay', 'objects');
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toContain('[REPLAY.UNKNOWN_PROJECTION]');
    }, 300_000);
  });
}

cliOnEachStack('embedded default (PGlite data directory shared with the CLI process)', true, () => {
  const dir = mkdtempSync(join(tmpdir(), 'spice-cli-'));
  return {
    config: loadConfig({ SPICE_DATA_DIR: dir, LOG_LEVEL: 'warn' }),
    // Nothing of the real stack leaks in: the CLI must pick the embedded adapters from this data directory.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SPICE_DATA_DIR: dir, LOG_LEVEL: 'warn' },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
});

cliOnEachStack('real stack (PostgreSQL, S3, Kafka, Elasticsearch)', false, () => {
  const dir = mkdtempSync(join(tmpdir(), 'spice-cli-real-'));
  const env = { ...process.env, SPARK_MASTER: undefined, SPICE_DATA_DIR: dir, LOG_LEVEL: 'warn' };
  const config = loadConfig(env);
  const missing = [
    config.relational.kind !== 'postgres' && 'DATABASE_URL',
    config.objectStore.kind !== 's3' && 'S3_ENDPOINT',
    config.bus.kind !== 'kafka' && 'KAFKA_BROKERS',
    config.search.kind === 'postgres' && 'ELASTICSEARCH_URL',
  ].filter(Boolean);
  if (missing.length) throw new Error(`${missing.join(', ')} not set: run \`bash scripts/stack up\` and \`eval "$(bash scripts/stack env)"\``);
  return { config, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
});
