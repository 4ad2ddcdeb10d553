import {
  ObjectStoreEventStore,
  OntologyService,
  unavailable,
  type EventEnvelope,
  type EventLedger,
  type ObjectStore,
  type ReserveOutcome,
  type ReserveRequest,
} from '@spice/domain';
import { PgCommandLog, PgEventLedger, PgObjectTypeReadModel } from '@spice/db';
import type { System } from '../../composition/composition-root';
import { systemClock, uuidV7Ids } from '../../system/system-clock';

/** The real ledger, except that the connection is lost after the event object is written and before the commit. */
class LedgerLostBeforeCommit extends PgEventLedger {
  override reserve(
    request: ReserveRequest,
    write: (firstSeq: number) => Promise<{ streamKey: string; events: readonly EventEnvelope[] }>,
  ): Promise<ReserveOutcome> {
    return super.reserve(request, async (firstSeq) => {
      await write(firstSeq);
      throw unavailable('RELATIONAL.UNAVAILABLE', 'The relational store is unavailable (simulated): the connection was lost before the ledger commit');
    });
  }
}

/**
 * The system's ontology service over the same stores, but with every append cut off the way PostgreSQL going
 * away mid-append cuts it: the event object is in the store, the ledger transaction rolled back, the command
 * logged as pending and the client told to retry.
 */
export function ontologyServiceCutOffMidAppend(system: System): OntologyService {
  return ontologyServiceOver(system, { ledger: new LedgerLostBeforeCommit(system.relational.db) });
}

/** The system's ontology service with its event store built over the given object store or ledger instead of the system's own. */
export function ontologyServiceOver(system: System, parts: { readonly objects?: ObjectStore; readonly ledger?: EventLedger }): OntologyService {
  const db = system.relational.db;
  return new OntologyService({
    events: new ObjectStoreEventStore(parts.objects ?? system.objects, parts.ledger ?? new PgEventLedger(db), systemClock, uuidV7Ids),
    commands: new PgCommandLog(db),
    objectTypes: new PgObjectTypeReadModel(db),
    search: system.search,
    progress: system.registry,
    clock: systemClock,
    ids: uuidV7Ids,
  });
}
