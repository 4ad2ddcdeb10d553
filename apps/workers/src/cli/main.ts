import { Command, CommanderError } from 'commander';
import { CliFailure, EXIT_FAILED, EXIT_USAGE } from './cli-system';
import { dlqCommand } from './dlq.command';
import { replayCommand } from './replay.command';

/**
 * The operator CLI, `pnpm spice <command>`: builds the system from the environment like the workers
 * (loadConfig), runs one command and exits — 0 done, 1 the command failed, 2 bad usage or configuration.
 */
async function main(argv: readonly string[]): Promise<number> {
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const program = new Command('spice')
    .description('Spice Harvester operations: rebuild read models, inspect and re-drive dead letters')
    .addCommand(replayCommand(print))
    .addCommand(dlqCommand(print));
  throwInsteadOfExit(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
    if (e instanceof CliFailure) {
      process.stderr.write(`spice: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`spice: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILED;
  }
}

/** Commander exits the process on a usage error by default; thrown, it gets this CLI's exit codes. */
function throwInsteadOfExit(command: Command): void {
  command.exitOverride().showHelpAfterError();
  for (const sub of command.commands) throwInsteadOfExit(sub);
}

// Exit explicitly: client libraries (Kafka, pools) may keep the event loop alive after the system stops.
process.exit(await main(process.argv.slice(2)));
