import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { TestStack } from './test-stacks.int-support';
import { MARKER, type ConsumerMarker } from './consumer-markers.int-support';
import type { FaultPoint } from './fault-points.int-support';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, 'consumer-process-main.int-support.ts');
const REPO_ROOT = join(here, '../../../../..');

/** A real consumer process (see consumer-process-main.int-support.ts) that the test can SIGKILL. */
export class ConsumerProcess {
  readonly markers: ConsumerMarker[] = [];
  private readonly output: string[] = [];
  private readonly waiters = new Set<() => void>();
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (line.startsWith(MARKER))
          this.markers.push(JSON.parse(line.slice(MARKER.length)) as ConsumerMarker);
        else this.output.push(line);
        this.wake();
      });
    }
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        this.wake();
        resolve();
      }),
    );
  }

  /** Starts one with the stack's config; `pauseAt` holds the n-th event reaching `point` there. */
  static start(
    stack: TestStack,
    options: { pauseAt?: { point: FaultPoint; nth: number; eventType?: string }; leaseMs?: number } = {},
  ): ConsumerProcess {
    // node itself, not the tsx wrapper: SIGKILL must hit the process that holds the claim.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        SPICE_TEST_CONFIG: JSON.stringify(stack.config()),
        SPICE_TEST_TOPIC: stack.topic,
        SPICE_TEST_GROUP: stack.groupId,
        SPICE_TEST_PAUSE_AT: options.pauseAt
          ? [options.pauseAt.point, options.pauseAt.nth, options.pauseAt.eventType ?? ''].join(':')
          : '',
        SPICE_TEST_LEASE_MS: String(options.leaseMs ?? 2_000),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new ConsumerProcess(child);
  }

  /** The first marker of this kind; fails with the process's output if it exits or the deadline passes first. */
  async waitFor<K extends ConsumerMarker['kind']>(
    kind: K,
    deadlineMs = 90_000,
  ): Promise<Extract<ConsumerMarker, { kind: K }>> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const found = this.markers.find((m) => m.kind === kind);
      if (found) return found as Extract<ConsumerMarker, { kind: K }>;
      if (this.exit)
        throw new Error(
          `consumer process exited (${JSON.stringify(this.exit)}) before "${kind}":\n${this.tail()}`,
        );
      if (Date.now() > deadline)
        throw new Error(`no "${kind}" from the consumer process within ${deadlineMs} ms:\n${this.tail()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 1_000);
        const waiters = this.waiters;
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        waiters.add(done);
      });
    }
  }

  /** The events that reached `point` in this process, in order (with repeats). */
  reached(point: FaultPoint): string[] {
    return this.markers.flatMap((m) => (m.kind === 'reached' && m.point === point ? [m.eventId] : []));
  }

  async kill(): Promise<void> {
    if (!this.exit) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Asks for a clean stop and waits for it. */
  async terminate(): Promise<void> {
    if (!this.exit) this.child.kill('SIGTERM');
    await this.exited;
    if (this.exit?.code !== 0)
      throw new Error(
        `consumer process did not stop cleanly (${JSON.stringify(this.exit)}):\n${this.tail()}`,
      );
  }

  private tail(): string {
    return this.output.slice(-40).join('\n');
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
