import { openBenchStack } from './write-path/bench-stack';
import { measureCommandToVisible } from './write-path/command-to-visible';

/**
 * Command-to-visible latency of the slice (also part of `pnpm bench:write`). Usage:
 *   pnpm bench:slice embedded [commands]     (fresh embedded data dir)
 *   pnpm bench:slice real [commands]         (needs `eval "$(bash scripts/stack env)"`; a database, bucket,
 *                                             topic and consumer group of its own)
 */
const mode = process.argv[2] === 'real' ? 'real' : 'embedded';
const commands = Number(process.argv[3] ?? 200);

const stack = await openBenchStack(mode);
try {
  const figure = await measureCommandToVisible(stack, commands);
  console.log(JSON.stringify({ mode, adapters: stack.adapters, ...figure }));
} finally {
  await stack.close();
}
process.exit(0);
