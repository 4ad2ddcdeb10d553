import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../..');

export type StackService = 'postgres' | 'kafka';

/** Stops or starts one service of the real stack through the stack script, as an operator would. */
export async function stack(action: 'up' | 'down', service: StackService): Promise<void> {
  try {
    await run('bash', ['scripts/stack', action, service], { cwd: REPO_ROOT, timeout: 150_000 });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? '';
    throw new Error(`\`bash scripts/stack ${action} ${service}\` failed: ${stderr.trim() || String(e)}`);
  }
}

/**
 * Stops `service`, runs `whileDown`, and starts it again; the restart is in a finally block, so a failing
 * test never leaves a shared service down for the next test (or another process) to trip over.
 */
export async function withServiceDown<T>(service: StackService, whileDown: () => Promise<T>): Promise<T> {
  await stack('down', service);
  try {
    return await whileDown();
  } finally {
    await stack('up', service);
  }
}
