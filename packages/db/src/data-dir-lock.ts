import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DomainError } from '@spice/domain';

/**
 * PGlite runs Postgres inside one process and takes no lock on its data directory, so a second process
 * opening the same directory (the CLI beside the running web server) would corrupt it. This file beside the
 * directory names the process that has it open; a process that died leaves it behind, and it is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir.replace(/\/+$/, '')}.lock`;
  acquire(path, dataDir);
  // The same process may hold the directory more than once (tests open systems side by side).
  holds.set(path, (holds.get(path) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = holds.get(path)! - 1;
    if (left > 0) return void holds.set(path, left);
    holds.delete(path);
    if (holderOf(path) === process.pid) rmSync(path, { force: true });
  };
}

const holds = new Map<string, number>();

function acquire(path: string, dataDir: string): void {
  for (;;) {
    // Written aside and linked into place, so a reader never sees the lock without its pid.
    const mine = `${path}.${process.pid}`;
    writeFileSync(mine, String(process.pid));
    try {
      linkSync(mine, path);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      rmSync(mine, { force: true });
    }
    const holder = holderOf(path);
    if (holder === process.pid) return;
    if (holder !== null && isAlive(holder)) {
      throw new DomainError({
        code: 'RELATIONAL.DATA_DIR_IN_USE',
        kind: 'precondition',
        message: `The embedded database ${dataDir} is open in process ${holder} (the web server or the workers?); stop that process first — PGlite serves one process at a time`,
        context: { dataDir, pid: holder },
      });
    }
    rmSync(path, { force: true });
  }
}

function holderOf(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !hasExited(pid);
}

/**
 * A process that has exited but whose parent has not yet collected it (a zombie) still answers signal 0, yet
 * holds nothing: a server stopped by SIGTERM whose shell was stopped with it stays so until init reaps it.
 */
function hasExited(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return /^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return false; // no /proc (macOS, Windows): signal 0 is all there is
  }
}
