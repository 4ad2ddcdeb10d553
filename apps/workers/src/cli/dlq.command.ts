import { Command } from 'commander';
import type { System } from '@spice/adapters';
import type { DeadLetter, DeadLetterDetail } from '@spice/domain';
import { applyRedrivenHere, type RedriveOutcome } from './apply-redriven';
import { flatten, keyValues, table, truncate } from './cli-output';
import { CliFailure, EXIT_FAILED, withSystem } from './cli-system';

/** `spice dlq …`: the events a consumer gave up on — list, inspect, re-drive. */
export function dlqCommand(print: (text: string) => void): Command {
  const dlq = new Command('dlq').description('List, inspect and re-drive dead letters');

  dlq
    .command('list')
    .description('List dead letters, by stream and sequence number')
    .option('--handler <handler>', 'only this consumer handler, e.g. projection.object-types')
    .option('--json', 'print JSON')
    .action(async (options: { handler?: string; json?: boolean }) => {
      const details = await withSystem((system) => system.deadLetters.listDetailed(options.handler));
      if (options.json) return print(JSON.stringify(details.map(listed)));
      if (details.length === 0) return print(options.handler ? `No dead letters for ${options.handler}.` : 'No dead letters.');
      print(
        table(
          ['HANDLER', 'AGGREGATE', 'SEQ', 'EVENT TYPE', 'EVENT ID', 'ATTEMPTS', 'DEAD SINCE', 'LAST ERROR'],
          details.map(({ deadLetter: d, event }) => [
            d.handler,
            `${d.aggregateType}/${d.aggregateId}`,
            String(d.sequenceNumber),
            event.eventType,
            d.eventId,
            String(d.attempts),
            d.updatedAt,
            truncate(d.lastError ?? '', 80),
          ]),
        ),
      );
      print(`\n${details.length} dead letter${details.length === 1 ? '' : 's'}. Inspect one with \`pnpm spice dlq show <handler> <event id>\`.`);
    });

  dlq
    .command('show')
    .description('Show a dead letter: the stored event and the registry row (attempts, last error)')
    .argument('<handler>')
    .argument('<eventId>')
    .option('--json', 'print JSON')
    .action(async (handler: string, eventId: string, options: { json?: boolean }) => {
      const detail = await withSystem((system) => system.deadLetters.inspect(handler, eventId));
      print(options.json ? JSON.stringify(detail) : describe(detail));
    });

  dlq
    .command('redrive')
    .description('Re-drive one dead letter (and the later dead letters of its stream, in order)')
    .argument('<handler>')
    .argument('<eventId>')
    .option('--json', 'print JSON')
    .action(async (handler: string, eventId: string, options: { json?: boolean }) => {
      const result = await withSystem((system) => redrive(system, handler, () => system.deadLetters.redrive(handler, eventId)));
      print(options.json ? JSON.stringify(result) : redriveSummary(handler, result));
      failIfNotApplied(result);
    });

  dlq
    .command('redrive-all')
    .description('Re-drive every dead letter of a handler, stream by stream, each in order')
    .argument('<handler>')
    .option('--json', 'print JSON')
    .action(async (handler: string, options: { json?: boolean }) => {
      const result = await withSystem((system) => redrive(system, handler, () => system.deadLetters.redriveAll(handler)));
      print(options.json ? JSON.stringify(result) : redriveSummary(handler, result));
      failIfNotApplied(result);
    });

  return dlq;
}

function listed({ deadLetter, event }: DeadLetterDetail) {
  return { ...deadLetter, eventType: event.eventType };
}

function describe({ deadLetter: d, event: e }: DeadLetterDetail): string {
  return [
    `Dead letter ${d.eventId} of ${d.handler}`,
    keyValues([
      ['aggregate', `${d.aggregateType}/${d.aggregateId}`],
      ['sequence', String(d.sequenceNumber)],
      ['event type', `${e.eventType} (schema v${e.schemaVersion})`],
      ['occurred at', e.occurredAt],
      ['actor', e.actor],
      ['command', e.commandId],
      ['attempts', String(d.attempts)],
      ['dead since', d.updatedAt],
      ['last error', d.lastError ?? '—'],
    ]),
    'Payload',
    keyValues(flatten(e.payload)),
  ].join('\n');
}

interface RedriveResult {
  readonly redriven: readonly DeadLetter[];
  /** Only when this process applied them itself (the embedded in-process bus). */
  readonly outcome: RedriveOutcome | null;
}

async function redrive(system: System, handler: string, run: () => Promise<DeadLetter[]>): Promise<RedriveResult> {
  const redriven = await run();
  const outcome = system.config.bus.kind === 'in-process' && redriven.length > 0 ? await applyRedrivenHere(system, handler, redriven) : null;
  return { redriven, outcome };
}

function failIfNotApplied({ outcome }: RedriveResult): void {
  const failed = (outcome?.deadAgain.length ?? 0) + (outcome?.pending.length ?? 0);
  if (failed > 0) throw new CliFailure(`${failed} re-driven event(s) were not applied`, EXIT_FAILED);
}

function redriveSummary(handler: string, { redriven, outcome }: RedriveResult): string {
  if (redriven.length === 0) return `Nothing to re-drive for ${handler}.`;
  const lines = redriven.map((d) => `  ${d.aggregateType}/${d.aggregateId} #${d.sequenceNumber}  ${d.eventId}`);
  const head = `Re-drove ${redriven.length} dead letter${redriven.length === 1 ? '' : 's'} of ${handler}:`;
  if (!outcome) return [head, ...lines, 'The workers apply them again; `pnpm spice dlq list` shows any that fail again.'].join('\n');
  const tally = [
    `${outcome.applied.length} applied`,
    outcome.deadAgain.length > 0 && `${outcome.deadAgain.length} dead again (see \`pnpm spice dlq list\`)`,
    outcome.pending.length > 0 && `${outcome.pending.length} still pending`,
  ].filter(Boolean);
  return [head, ...lines, `${tally.join(', ')}.`].join('\n');
}
