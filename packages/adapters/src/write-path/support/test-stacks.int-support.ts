import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { loadConfig, type SpiceConfig } from '../../config/config';
import { createLogger } from '../../logging/logger';
import { createSystem, type System } from '../../composition/composition-root';
import { createScratchDatabase, deleteTopics, SCRATCH_TOPIC_PREFIX } from './real-stack-scratch.int-support';

export type StackKind = 'embedded' | 'real';

export interface TestStack {
  readonly kind: StackKind;
  /** Unique per stack: aggregate ids, topics and groups made from it never meet another run's. */
  readonly run: string;
  /** The events topic and consumer group of this stack's workers (see write-workers.int-support.ts). */
  readonly topic: string;
  readonly groupId: string;
  /** The configuration every system of this stack is built from (set once the describe has started). */
  config(): SpiceConfig;
  /**
   * A system over this stack's stores; closed at the end of the describe if the test did not close it.
   * Embedded PGlite is single-process, one open instance per data directory: there, opening a system first
   * closes the one still open.
   */
  open(): Promise<System>;
  close(system: System): Promise<void>;
}

/**
 * Runs `define` as a describe on the embedded default (a fresh temporary SPICE_DATA_DIR) and on the real
 * stack (configuration from process.env). On the real stack each stack gets its own database on the real
 * PostgreSQL server and its own topic and consumer group on the real Kafka: relays tail the whole ledger, so
 * relays and consumers of other test processes sharing one database or topic would publish, take or apply
 * this test's events.
 */
export function forEachStack(
  name: string,
  define: (stack: TestStack) => void,
  options: { concurrently?: boolean } = {},
): void {
  if (options.concurrently) {
    // The two stacks share nothing, so one's waits (Kafka rebalances, leases) can overlap the other's work.
    // The tests inside each run concurrently too: only for describes whose tests may.
    describe.concurrent(name, () => defineStacks('', define));
  } else defineStacks(`${name} — `, define);
}

function defineStacks(prefix: string, define: (stack: TestStack) => void): void {
  for (const kind of ['embedded', 'real'] as const) {
    const label =
      kind === 'embedded'
        ? 'embedded default (PGlite, local directory, in-process bus)'
        : 'real stack (PostgreSQL, S3, Kafka)';
    describe(prefix + label, () => {
      const disposals: (() => Promise<void>)[] = [];
      let main: TestStack | undefined;
      beforeAll(async () => {
        main = await provision(kind, disposals);
      });
      afterAll(async () => {
        // Every step runs even if one fails (a service a test stopped): nothing is left behind that can be removed.
        const failures: unknown[] = [];
        for (const dispose of disposals.reverse()) await dispose().catch((e: unknown) => failures.push(e));
        if (failures.length) throw failures[0];
      });
      const ready = () => {
        if (!main) throw new Error('the stack is provisioned in beforeAll: use it inside a test or hook');
        return main;
      };
      define({
        kind,
        get run() {
          return ready().run;
        },
        get topic() {
          return ready().topic;
        },
        get groupId() {
          return ready().groupId;
        },
        config: () => ready().config(),
        open: () => ready().open(),
        close: (system) => ready().close(system),
      });
    });
  }
}

async function provision(kind: StackKind, disposals: (() => Promise<void>)[]): Promise<TestStack> {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const open = new Set<System>();
  let config: SpiceConfig;
  if (kind === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'spice-write-path-'));
    config = loadConfig({ SPICE_DATA_DIR: dir, LOG_LEVEL: 'warn' });
    disposals.push(async () => rmSync(dir, { recursive: true, force: true }));
  } else {
    const base = realStackConfig();
    const scratch = await createScratchDatabase(
      base.relational.kind === 'postgres' ? base.relational.url : '',
      run,
    );
    config = { ...base, relational: { kind: 'postgres', url: scratch.url } };
    disposals.push(() => scratch.drop());
    if (base.bus.kind === 'kafka') {
      const brokers = base.bus.brokers;
      disposals.push(() => deleteTopics(brokers, [stack.topic]));
    }
  }
  const stack: TestStack = {
    kind,
    run,
    topic: SCRATCH_TOPIC_PREFIX + run,
    groupId: `write-path.${run}`,
    config: () => config,
    async open() {
      if (kind === 'embedded') for (const other of [...open]) await stack.close(other);
      const system = await createSystem(config, createLogger('warn'));
      open.add(system);
      return system;
    },
    async close(system) {
      if (!open.delete(system)) return;
      await system.stop();
    },
  };
  // Systems a failed test left open go before the stores they use.
  disposals.push(async () => {
    for (const system of [...open]) await stack.close(system);
  });
  return stack;
}

function realStackConfig(): SpiceConfig {
  const config = loadConfig({
    ...process.env,
    SPICE_DATA_DIR: join(tmpdir(), 'spice-write-path-real'),
    LOG_LEVEL: 'warn',
  });
  const missing = [
    config.relational.kind !== 'postgres' && 'DATABASE_URL',
    config.objectStore.kind !== 's3' && 'S3_ENDPOINT',
    config.bus.kind !== 'kafka' && 'KAFKA_BROKERS',
  ].filter(Boolean);
  if (missing.length) {
    throw new Error(
      `${missing.join(', ')} not set: run \`bash scripts/stack up\` and \`eval "$(bash scripts/stack env)"\``,
    );
  }
  return config;
}
