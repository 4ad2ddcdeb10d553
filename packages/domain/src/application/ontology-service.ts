import type { EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import { normaliseAggregateId } from '../eventstore/aggregate-id';
import { SEQUENCE_CONFLICT } from '../eventstore/object-store-event-store';
import type { CommandLog, CommandRecord } from '../ports/command-log.port';
import type { Clock, IdGenerator } from '../ports/clock.port';
import type { ObjectTypeReadModel } from '../ports/object-type-read-model.port';
import type { ProcessedEventsRegistry } from '../ports/processed-events.port';
import type { SearchIndex } from '../ports/search-index.port';
import { conflict, DomainError, isDomainError, notFound } from '../shared/errors';
import { contentHash } from '../shared/stable-hash';
import { parseOrThrow } from '../shared/zod-issues';
import {
  ZCreateOntologyInput,
  ZDefineObjectTypeInput,
  ZDeleteObjectTypeInput,
  ZUpdateObjectTypeInput,
  type OntologyCommand,
} from '../ontology/ontology.commands';
import { decideOntology } from '../ontology/ontology.decide';
import { ONTOLOGY_AGGREGATE, ONTOLOGY_EVENT_SCHEMA_VERSION, type RecordedOntologyEvent } from '../ontology/ontology.events';
import { evolveOntology, initialOntologyState, type OntologyState } from '../ontology/ontology.state';
import { OBJECT_TYPE_SEARCH_INDEX, type ObjectTypeDoc } from '../ontology/object-type.projection';
import { OBJECT_TYPE_PROJECTION } from './object-type-projector';

const MAX_CACHED_ONTOLOGIES = 100;
/**
 * How often a command is re-decided when another command appended to the same ontology first. Every round
 * lets at least one writer through, so this only runs out under sustained contention on one ontology.
 */
const MAX_DECIDE_ATTEMPTS = 20;

export interface Actor {
  readonly id: string;
}

export interface CommandOutcome {
  readonly commandId: string;
  readonly status: CommandRecord['status'];
  readonly sequenceNumber: number | null;
}

/**
 * Where a command is: `pending` (accepted, not decided yet), `applied` (appended at `sequenceNumber`),
 * `visible` (applied, and the object-type read model and search index have caught up with it), or `failed`.
 */
export type CommandPhase = 'pending' | 'applied' | 'visible' | 'failed';

export interface CommandStatusView {
  readonly commandId: string;
  readonly commandType: string;
  readonly ontologyId: string;
  readonly status: CommandRecord['status'];
  readonly phase: CommandPhase;
  readonly sequenceNumber: number | null;
  readonly error: CommandRecord['error'];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface OntologyServiceDeps {
  readonly events: EventStore;
  readonly commands: CommandLog;
  readonly objectTypes: ObjectTypeReadModel;
  readonly search: SearchIndex;
  /** How far the object-type projection has got per ontology: what makes an applied command visible. */
  readonly progress: Pick<ProcessedEventsRegistry, 'lastSeq'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Commands and queries on ontologies; the web app and the workers both call this. */
export class OntologyService {
  /** Folded state per ontology; each load still catches up from the store, so it is never trusted stale. */
  private readonly states = new Map<string, { state: OntologyState; seq: number }>();

  constructor(private readonly deps: OntologyServiceDeps) {}

  async createOntology(input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const data = parseOrThrow(ZCreateOntologyInput, input, 'ONTOLOGY.INVALID_INPUT');
    return this.execute(data.ontologyId, { type: 'CreateOntology', data }, actor, commandId);
  }

  async defineObjectType(ontologyId: string, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const data = parseOrThrow(ZDefineObjectTypeInput, input, 'ONTOLOGY.INVALID_OBJECT_TYPE');
    const objectTypeId = this.deps.ids.prefixed('ot');
    return this.execute(ontologyId, { type: 'DefineObjectType', data: { ...data, objectTypeId } }, actor, commandId);
  }

  /** Changes an object type's editable fields; refused with ONTOLOGY.OBJECT_TYPE_CHANGED if `expectedSeq` is stale. */
  async updateObjectType(ontologyId: string, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const data = parseOrThrow(ZUpdateObjectTypeInput, input, 'ONTOLOGY.INVALID_OBJECT_TYPE');
    return this.execute(ontologyId, { type: 'UpdateObjectType', data }, actor, commandId);
  }

  /** Deletes an object type; refused with ONTOLOGY.OBJECT_TYPE_CHANGED if `expectedSeq` is stale. */
  async deleteObjectType(ontologyId: string, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const data = parseOrThrow(ZDeleteObjectTypeInput, input, 'ONTOLOGY.INVALID_INPUT');
    return this.execute(ontologyId, { type: 'DeleteObjectType', data }, actor, commandId);
  }

  listObjectTypes(ontologyId: string): Promise<ObjectTypeDoc[]> {
    return this.deps.objectTypes.list(ontologyId);
  }

  async searchObjectTypes(ontologyId: string, text: string): Promise<{ id: string; apiName: string; displayName: string }[]> {
    const result = await this.deps.search.search(OBJECT_TYPE_SEARCH_INDEX, {
      text,
      filters: [{ field: 'ontologyId', op: 'eq', value: ontologyId }],
      limit: 50,
    });
    return result.hits.map((h) => ({ id: h.id, apiName: String(h.body.apiName), displayName: String(h.body.displayName) }));
  }

  readModelVersion(): Promise<number> {
    return this.deps.objectTypes.version();
  }

  command(commandId: string): Promise<CommandRecord | null> {
    return this.deps.commands.get(commandId);
  }

  /**
   * A command's status. An applied command is visible once the object-type projection has processed the
   * ontology stream up to the command's sequence number: the projection commits its read-model row and that
   * position in one transaction, after writing the search document, so both show the command by then.
   */
  async commandStatus(commandId: string): Promise<CommandStatusView> {
    const record = await this.deps.commands.get(commandId);
    if (!record || record.aggregateType !== ONTOLOGY_AGGREGATE) throw notFound('COMMAND.NOT_FOUND', `No command ${commandId}`, { commandId });
    let phase: CommandPhase = record.status;
    if (record.status === 'applied' && record.sequenceNumber !== null) {
      const projected = await this.deps.progress.lastSeq(OBJECT_TYPE_PROJECTION, ONTOLOGY_AGGREGATE, normaliseAggregateId(record.aggregateId));
      if (projected >= record.sequenceNumber) phase = 'visible';
    }
    return {
      commandId: record.commandId,
      commandType: record.commandType,
      ontologyId: record.aggregateId,
      status: record.status,
      phase,
      sequenceNumber: record.sequenceNumber,
      error: record.error,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  private async execute(ontologyId: string, command: OntologyCommand, actor: Actor, givenCommandId?: string): Promise<CommandOutcome> {
    const commandId = givenCommandId ?? this.deps.ids.uuid();
    const payloadHash = contentHash({ type: command.type, ontologyId, data: retryStableData(command) });
    const existing = await this.deps.commands.begin({
      commandId,
      commandType: command.type,
      aggregateType: ONTOLOGY_AGGREGATE,
      aggregateId: ontologyId,
      actor: actor.id,
      payloadHash,
    });
    if (existing) {
      if (existing.payloadHash !== payloadHash)
        throw conflict('COMMAND.ID_REUSED', `Command id ${commandId} was already used for a different command`, { commandId });
      if (existing.status !== 'pending') return { commandId, status: existing.status, sequenceNumber: existing.sequenceNumber };
      // Still pending on a retry: an earlier try was cut off (a crash, an outage) and may have appended already.
      const earlierSeq = await this.appendedBy(ontologyId, commandId);
      if (earlierSeq !== null) {
        await this.deps.commands.markApplied(commandId, earlierSeq);
        return { commandId, status: 'applied', sequenceNumber: earlierSeq };
      }
    }
    try {
      const lastSeq = await this.decideAndAppend(ontologyId, command, actor, commandId);
      await this.deps.commands.markApplied(commandId, lastSeq);
      return { commandId, status: 'applied', sequenceNumber: lastSeq };
    } catch (e) {
      // A retryable failure leaves the command pending, so the client's retry with the same id runs it.
      if (isDomainError(e) && !e.retryable) {
        await this.deps.commands.markFailed(commandId, { code: e.code, message: e.message, issues: e.issues });
      }
      throw e;
    }
  }

  /**
   * The last sequence number of the events a command appended, or null if it appended none. The stream is
   * repaired first: a try cut off between writing its event object and committing the ledger left events the
   * store holds (so they count) but the ledger, and so the relay, does not know yet.
   */
  private async appendedBy(ontologyId: string, commandId: string): Promise<number | null> {
    await this.deps.events.repair(ONTOLOGY_AGGREGATE, ontologyId);
    const stream = await this.deps.events.readStream(ONTOLOGY_AGGREGATE, ontologyId);
    return stream.findLast((e) => e.commandId === commandId)?.sequenceNumber ?? null;
  }

  /**
   * Decides on the ontology as loaded and appends at its sequence number. When another command appended to
   * the ontology in between (EVENT_STORE.SEQUENCE_CONFLICT) the command is decided again on the new state:
   * an edit of another object type then goes through, while an edit of the same type meets that type's own
   * version check (ONTOLOGY.OBJECT_TYPE_CHANGED).
   */
  private async decideAndAppend(ontologyId: string, command: OntologyCommand, actor: Actor, commandId: string): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const { state, seq } = await this.load(ontologyId);
      const decided = decideOntology(command, state);
      try {
        const appended = await this.deps.events.append({
          aggregateType: ONTOLOGY_AGGREGATE,
          aggregateId: ontologyId,
          expectedSeq: seq,
          events: decided.map((e) => ({ eventType: e.type, schemaVersion: ONTOLOGY_EVENT_SCHEMA_VERSION, payload: { ...e.data } })),
          context: { commandId, actor: actor.id },
        });
        return appended.lastSeq;
      } catch (e) {
        if (!isDomainError(e) || e.code !== SEQUENCE_CONFLICT) throw e;
        if (attempt >= MAX_DECIDE_ATTEMPTS)
          throw new DomainError({
            code: 'ONTOLOGY.CONTENDED',
            kind: 'conflict',
            retryable: true,
            message: `The ontology kept changing while this command was decided (${attempt} attempts); try again`,
            context: { attempts: attempt, ...e.context },
            cause: e,
          });
        // A little jitter so writers that lost together don't all come back together.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  private async load(ontologyId: string): Promise<{ state: OntologyState; seq: number }> {
    const cached = this.states.get(ontologyId) ?? { state: initialOntologyState, seq: 0 };
    const newer = await this.deps.events.readStream(ONTOLOGY_AGGREGATE, ontologyId, cached.seq + 1);
    const loaded = {
      state: newer.reduce((s, e) => evolveOntology(s, toOntologyEvent(e)), cached.state),
      seq: newer.at(-1)?.sequenceNumber ?? cached.seq,
    };
    if (this.states.size >= MAX_CACHED_ONTOLOGIES) this.states.delete(this.states.keys().next().value!);
    this.states.set(ontologyId, loaded);
    return loaded;
  }
}

/** The command's data as the client gave it: ids the service generates would make every retry look new. */
function retryStableData(command: OntologyCommand): unknown {
  if (command.type !== 'DefineObjectType') return command.data;
  const { objectTypeId: _generated, ...stable } = command.data;
  return stable;
}

function toOntologyEvent(e: EventEnvelope): RecordedOntologyEvent {
  return {
    type: e.eventType,
    data: e.payload,
    metadata: { sequenceNumber: e.sequenceNumber, actor: e.actor, occurredAt: e.occurredAt },
  } as unknown as RecordedOntologyEvent;
}
