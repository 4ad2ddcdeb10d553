import { randomUUID } from 'node:crypto';
import type { CommandOutcome } from '@spice/domain';
import type { System } from '../../composition/composition-root';
import { actor, objectTypeInput } from './ontology-fixtures.int-support';
import { sleep } from './timing.int-support';

export interface WrittenCommand {
  readonly commandId: string;
  readonly ontologyId: string;
  readonly apiName: string;
  /** Every failed try, in order; the command is retried with the same command id. */
  readonly errors: unknown[];
  outcome?: CommandOutcome;
}

/**
 * A client that keeps defining object types round-robin over some ontologies, one command at a time, the way
 * the workbench's users would during an incident: a command that fails is remembered and tried again later
 * with the same command id (the idempotency key), never with a new one.
 */
export class CommandWriter {
  readonly commands: WrittenCommand[] = [];
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly system: System,
    private readonly ontologyIds: readonly string[],
    private readonly pauseMs = 20,
    private readonly failurePauseMs = 500,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      for (let i = 0; this.running; i++) {
        const command: WrittenCommand = { commandId: randomUUID(), ontologyId: this.ontologyIds[i % this.ontologyIds.length]!, apiName: `Type${i}`, errors: [] };
        this.commands.push(command);
        await this.attempt(command);
        // Like a well-behaved client, back off after a failure instead of hammering a service that is down.
        await sleep(command.errors.length > 0 ? this.failurePauseMs : this.pauseMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  applied(): WrittenCommand[] {
    return this.commands.filter((c) => c.outcome?.status === 'applied');
  }

  failures(): unknown[] {
    return this.commands.flatMap((c) => c.errors);
  }

  /** Tries every command that is not applied yet again, with its own command id, until each is applied. */
  async retryUntilApplied(limitMs = 60_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    const isApplied = (c: WrittenCommand) => c.outcome?.status === 'applied';
    for (const command of this.commands) {
      while (!isApplied(command)) {
        if (Date.now() > deadline) throw new Error(`command ${command.commandId} (${command.apiName}) still not applied: ${String(command.errors.at(-1))}`);
        await this.attempt(command);
        if (!isApplied(command)) await sleep(200);
      }
    }
  }

  private async attempt(command: WrittenCommand): Promise<void> {
    try {
      command.outcome = await this.system.ontology.defineObjectType(command.ontologyId, objectTypeInput(command.apiName), actor, command.commandId);
    } catch (e) {
      command.errors.push(e);
    }
  }
}
