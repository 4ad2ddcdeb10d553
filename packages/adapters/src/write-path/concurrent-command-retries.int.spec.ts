import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { isDomainError, OntologyService, type CommandLog, type CommandOutcome, type EventStore } from '@spice/domain';
import { PgCommandLog, PgObjectTypeReadModel } from '@spice/db';
import type { System } from '../composition/composition-root';
import { systemClock, uuidV7Ids } from '../system/system-clock';
import { boundMethods } from './support/bound-methods.int-support';
import { streamOf } from './support/ontology-fixtures.int-support';
import { waitUntil } from './support/registry-checks.int-support';
import { forEachStack } from './support/test-stacks.int-support';

const SUBMISSIONS = 8;
const actor = { id: 'write-path-tester@spice.local' };

const objectType = (apiName: string) => ({
  apiName,
  displayName: apiName,
  description: `${apiName}, submitted many times at once`,
  properties: [{ apiName: 'code', displayName: 'Code', dataType: 'string', required: true }],
  primaryKey: 'code',
});

/**
 * The command log is the idempotency gate for a command id: of concurrent submissions of one id exactly one
 * runs the command, the others wait for its outcome and return it, and the logged status is the true outcome
 * (applied with its events, or failed with its error). An id reused for another command is refused.
 */
forEachStack('concurrent submissions of one command id', (stack) => {
  it('appends once and answers every submission with the applied outcome', async () => {
    const system = await stack.open();
    const ontologyId = await newOntology(system, 'retries-applied');
    const commandId = randomUUID();

    const outcomes = await Promise.all(
      Array.from({ length: SUBMISSIONS }, () => system.ontology.defineObjectType(ontologyId, objectType('Shipment'), actor, commandId)),
    );

    const appended = await eventsOf(system, ontologyId, commandId);
    expect(appended.map((e) => e.eventType), 'events the command appended').toEqual(['ObjectTypeDefined']);
    const applied = { commandId, status: 'applied', sequenceNumber: appended[0]!.sequenceNumber };
    expect(outcomes).toEqual(Array.from({ length: SUBMISSIONS }, () => applied));
    expect(await system.ontology.command(commandId)).toMatchObject({ ...applied, error: null });
  });

  it('appends nothing for a failing command, and logs it failed with the error', async () => {
    const system = await stack.open();
    const ontologyId = await newOntology(system, 'retries-failed');
    await system.ontology.defineObjectType(ontologyId, objectType('Shipment'), actor);
    const commandId = randomUUID();

    const settled = await Promise.allSettled(
      Array.from({ length: SUBMISSIONS }, () => system.ontology.defineObjectType(ontologyId, objectType('Shipment'), actor, commandId)),
    );

    // The submission that ran it gets the error; the others get the logged outcome, as any retry of it would.
    const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
    expect(errors, 'submissions answered with the error').toHaveLength(1);
    const error = errors[0];
    if (!isDomainError(error)) throw error;
    expect(error.retryable).toBe(false);
    const answered = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    expect(answered).toEqual(Array.from({ length: SUBMISSIONS - 1 }, () => ({ commandId, status: 'failed', sequenceNumber: null })));
    expect(await eventsOf(system, ontologyId, commandId), 'events the command appended').toEqual([]);
    expect(await system.ontology.command(commandId)).toMatchObject({ status: 'failed', sequenceNumber: null, error: { code: error.code, message: error.message } });
  });

  it('refuses the id for a different payload with COMMAND.ID_REUSED, whichever submission came first', async () => {
    const system = await stack.open();
    const ontologyId = await newOntology(system, 'retries-reused');
    const commandId = randomUUID();
    const apiNames = Array.from({ length: SUBMISSIONS }, (_, i) => (i % 2 === 0 ? 'Shipment' : 'Invoice'));

    const settled = await Promise.allSettled(
      apiNames.map((apiName) => system.ontology.defineObjectType(ontologyId, objectType(apiName), actor, commandId)),
    );

    const appended = await eventsOf(system, ontologyId, commandId);
    expect(appended, 'events the command appended').toHaveLength(1);
    const winner = String(appended[0]!.payload.apiName);
    settled.forEach((s, i) => {
      if (apiNames[i] === winner) {
        expect(s, `submission ${i} (${apiNames[i]})`).toEqual({
          status: 'fulfilled',
          value: { commandId, status: 'applied', sequenceNumber: appended[0]!.sequenceNumber },
        });
      } else {
        expect(s.status, `submission ${i} (${apiNames[i]})`).toBe('rejected');
        expect((s as PromiseRejectedResult).reason).toMatchObject({ code: 'COMMAND.ID_REUSED', kind: 'conflict', context: { commandId } });
      }
    });
    expect(await system.ontology.command(commandId)).toMatchObject({ status: 'applied', sequenceNumber: appended[0]!.sequenceNumber });
  });

  it('takes over from a try that stalled past its lease, and the stalled try, waking, settles on the same outcome', async () => {
    const system = await stack.open();
    const ontologyId = await newOntology(system, 'retries-stalled');
    const commandId = randomUUID();
    const stalled = stallingService(system);

    const stalledOutcome = stalled.service.defineObjectType(ontologyId, objectType('Shipment'), actor, commandId);
    await waitUntil('the stalled try to hold the command', async () => (await system.ontology.command(commandId))?.status === 'pending');
    const outcomes = await Promise.all(
      Array.from({ length: SUBMISSIONS }, () => system.ontology.defineObjectType(ontologyId, objectType('Shipment'), actor, commandId)),
    );
    const appended = await eventsOf(system, ontologyId, commandId);
    expect(appended, 'events the command appended').toHaveLength(1);
    const applied: CommandOutcome = { commandId, status: 'applied', sequenceNumber: appended[0]!.sequenceNumber };
    expect(outcomes).toEqual(Array.from({ length: SUBMISSIONS }, () => applied));

    // Its decision is stale now: re-decided on the stream it fails, and the log still says applied.
    stalled.wake();
    expect(await stalledOutcome).toEqual(applied);
    expect(await eventsOf(system, ontologyId, commandId), 'events after the stalled try woke').toEqual(appended);
    expect(await system.ontology.command(commandId)).toMatchObject({ status: 'applied', sequenceNumber: applied.sequenceNumber, error: null });
  });

  async function newOntology(system: System, name: string): Promise<string> {
    const ontologyId = `${name}-${stack.run}`;
    await system.ontology.createOntology({ ontologyId, displayName: name }, actor);
    return ontologyId;
  }
});

async function eventsOf(system: System, ontologyId: string, commandId: string) {
  return (await streamOf(system, ontologyId)).filter((e) => e.commandId === commandId);
}

/**
 * The system's ontology service over the same stores, as a process that stalls: its appends wait until `wake`,
 * and it neither renews its short command lease nor gives it up, the way a try paused mid-command (a long GC,
 * a frozen VM) holds on to nothing but believes it still runs the command.
 */
function stallingService(system: System): { service: OntologyService; wake(): void } {
  let wake!: () => void;
  const woken = new Promise<void>((resolve) => (wake = resolve));
  const events: EventStore = {
    ...boundMethods(system.events),
    append: async (request) => {
      await woken;
      return system.events.append(request);
    },
  };
  const log = new PgCommandLog(system.relational.db);
  const commands: CommandLog = {
    ...boundMethods(log),
    begin: (record, lease) => log.begin(record, { ...lease, ms: 300 }),
    renew: async () => true,
    release: async () => undefined,
  };
  const service = new OntologyService({
    events,
    commands,
    objectTypes: new PgObjectTypeReadModel(system.relational.db),
    search: system.search,
    progress: system.registry,
    clock: systemClock,
    ids: uuidV7Ids,
  });
  return { service, wake };
}
