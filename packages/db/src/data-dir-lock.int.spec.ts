import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock';

describe('the embedded data directory lock', () => {
  let dir: string;
  let parent: ChildProcess | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'data-dir-lock-'));
  });
  afterEach(async () => {
    parent?.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  /** A `sleep` that leaves a child of its own exited and never collected: the child's pid is a zombie's. */
  async function zombiePid(): Promise<number> {
    parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
    const pid = Number(line.toString().trim());
    for (let i = 0; i < 100 && !(await readFile(`/proc/${pid}/stat`, 'utf8')).includes(') Z '); i++) await new Promise((r) => setTimeout(r, 20));
    return pid;
  }

  it.runIf(process.platform === 'linux')('takes over a lock whose holder has exited but was never collected (a zombie)', async () => {
    const lock = `${join(dir, 'pglite')}.lock`;
    const zombie = await zombiePid();
    await writeFile(lock, String(zombie));
    const unlock = lockDataDir(join(dir, 'pglite'));
    expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
    unlock();
  });

  it('refuses a directory a running process holds, naming it', async () => {
    parent = spawn('sleep', ['30'], { stdio: 'ignore' });
    await writeFile(`${join(dir, 'pglite')}.lock`, String(parent.pid));
    expect(() => lockDataDir(join(dir, 'pglite'))).toThrow(`is open in process ${parent.pid}`);
  });
});
