import { AsyncLocalStorage } from 'node:async_hooks';
import type { ConsumerHandler } from '@spice/domain';
import { PgObjectTypeReadModel, schema, type Database } from '@spice/db';
import type { ProjectionPorts } from './write-workers.int-support';
import { boundMethods } from './bound-methods.int-support';

/**
 * Where a consumer process can be stopped dead, in the order one event meets them:
 * - after-claim: the registry gave this consumer the claim (its lease runs);
 * - before-apply: the projection is handed the event;
 * - before-index / after-index: around the search-document write;
 * - before-commit: the search document is written, the read-model transaction has not started;
 * - before-mark-done: inside the read-model transaction, the row written, the registry not yet marked done;
 * - after-commit: the read model and the registry committed, the bus offset not yet committed.
 */
export const FAULT_POINTS = [
  'after-claim',
  'before-apply',
  'before-index',
  'after-index',
  'before-commit',
  'before-mark-done',
  'after-commit',
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface HeldEvent {
  readonly eventId: string;
  readonly eventType: string;
}

/** Called when an event reaches a point; resolves to go on, or never resolves to hold the event there. */
export type FaultHook = (point: FaultPoint, event: HeldEvent) => Promise<void>;

/** Wraps the projection's ports and handler so that every fault point calls `hook` (no production code changed). */
export function withFaultPoints(db: Database, hook: FaultHook) {
  // Partitions are handled concurrently: the event in hand travels with the async context, not in a variable.
  const inHand = new AsyncLocalStorage<HeldEvent>();
  const eventInHand = () => inHand.getStore() ?? { eventId: 'unknown', eventType: 'unknown' };
  const types = new Map<string, string>();
  const held = (eventId: string): HeldEvent => ({ eventId, eventType: types.get(eventId) ?? 'unknown' });
  return {
    ports: (base: ProjectionPorts): ProjectionPorts => {
      const readModel = new PgObjectTypeReadModel(
        pausingBeforeMarkDone(db, (eventId) => hook('before-mark-done', held(eventId))),
      );
      return {
        registry: {
          ...boundMethods(base.registry),
          claim: async (handler, event, leaseMs) => {
            const outcome = await base.registry.claim(handler, event, leaseMs);
            types.set(event.eventId, event.eventType);
            if (outcome === 'claimed') await hook('after-claim', event);
            return outcome;
          },
        },
        search: {
          ...boundMethods(base.search),
          index: async (index, id, body) => {
            await hook('before-index', eventInHand());
            await base.search.index(index, id, body);
            await hook('after-index', eventInHand());
          },
        },
        readModel: {
          ...boundMethods(readModel),
          commit: async (handler, event, doc) => {
            await hook('before-commit', event);
            await readModel.commit(handler, event, doc);
            await hook('after-commit', event);
          },
        },
      };
    },
    handler: (inner: ConsumerHandler): ConsumerHandler => ({
      name: inner.name,
      accepts: (event) => inner.accepts(event),
      apply: (event) =>
        inHand.run({ eventId: event.eventId, eventType: event.eventType }, async () => {
          await hook('before-apply', event);
          await inner.apply(event);
        }),
    }),
  };
}

/**
 * The database as the read model sees it, except that inside a transaction the registry insert (markDoneInTx)
 * first waits for `hook`: holding it there holds the transaction open with the read-model row written.
 */
function pausingBeforeMarkDone(db: Database, hook: (eventId: string) => Promise<void>): Database {
  const transaction: Database['transaction'] = (work, config) =>
    db.transaction(
      (tx) =>
        work(
          new Proxy(tx, {
            get(target, prop, receiver) {
              if (prop === 'insert') {
                return (table: unknown) =>
                  table === schema.processedEvents
                    ? deferredQuery(hook, () => target.insert(schema.processedEvents))
                    : target.insert(table as never);
              }
              const value = Reflect.get(target, prop, receiver);
              return typeof value === 'function' ? value.bind(target) : value;
            },
          }),
        ),
      config,
    );
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') return transaction;
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Records a query builder chain; when awaited, waits for `hook` (with the event id from `.values`) and runs it. */
function deferredQuery(
  hook: (eventId: string) => Promise<void>,
  build: () => unknown,
  calls: [PropertyKey, unknown[]][] = [],
): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (prop === 'then') {
          return (resolve: (v: unknown) => void, reject: (e: unknown) => void) => {
            const values = calls.find(([name]) => name === 'values')?.[1][0] as
              { eventId?: string } | undefined;
            hook(values?.eventId ?? 'unknown')
              .then(() =>
                calls.reduce<unknown>(
                  (builder, [name, args]) =>
                    (builder as Record<PropertyKey, (...a: unknown[]) => unknown>)[name]!(...args),
                  build(),
                ),
              )
              .then(resolve, reject);
          };
        }
        return (...args: unknown[]) => deferredQuery(hook, build, [...calls, [prop, args]]);
      },
    },
  );
}
