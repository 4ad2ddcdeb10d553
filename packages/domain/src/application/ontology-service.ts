import type { EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { CommandLog, CommandRecord } from '../ports/command-log.port';
import type { Clock, IdGenerator } from '../ports/clock.port';
import type { ObjectTypeReadModel } from '../ports/object-type-read-model.port';
import type { SearchIndex } from '../ports/search-index.port';
import { conflict, isDomainError } from '../shared/errors';
import { contentHash } from '../shared/stable-hash';
import { parseOrThrow } from '../shared/zod-issues';
import { ZCreateOntologyInput, ZDefineObjectTypeInput, type OntologyCommand } from '../ontology/ontology.commands';
import { decideOntology } from '../ontology/ontology.decide';
import { ONTOLOGY_AGGREGATE, ONTOLOGY_EVENT_SCHEMA_VERSION, type OntologyEvent } from '../ontology/ontology.events';
import { evolveOntology, initialOntologyState, type OntologyState } from '../ontology/ontology.state';
import { OBJECT_TYPE_SEARCH_INDEX, type ObjectTypeDoc } from '../ontology/object-type.projection';

const MAX_CACHED_ONTOLOGIES = 100;

export interface Actor {
  readonly id: string;
}

export interface CommandOutcome {
  readonly commandId: string;
  readonly status: CommandRecord['status'];
  readonly sequenceNumber: number | null;
}

export interface OntologyServiceDeps {
  readonly events: EventStore;
  readonly commands: CommandLog;
  readonly objectTypes: ObjectTypeReadModel;
  readonly search: SearchIndex;
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

  private async execute(ontologyId: string, command: OntologyCommand, actor: Actor, givenCommandId?: string): Promise<CommandOutcome> {
    const commandId = givenCommandId ?? this.deps.ids.uuid();
    const { objectTypeId: _generated, ...stable } = command.data as Record<string, unknown>;
    const payloadHash = contentHash({ type: command.type, ontologyId, data: stable });
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
      return { commandId, status: existing.status, sequenceNumber: existing.sequenceNumber };
    }
    try {
      const { state, seq } = await this.load(ontologyId);
      const decided = decideOntology(command, state);
      const appended = await this.deps.events.append({
        aggregateType: ONTOLOGY_AGGREGATE,
        aggregateId: ontologyId,
        expectedSeq: seq,
        events: decided.map((e) => ({ eventType: e.type, schemaVersion: ONTOLOGY_EVENT_SCHEMA_VERSION, payload: { ...e.data } })),
        context: { commandId, actor: actor.id },
      });
      await this.deps.commands.markApplied(commandId, appended.lastSeq);
      return { commandId, status: 'applied', sequenceNumber: appended.lastSeq };
    } catch (e) {
      if (isDomainError(e)) {
        await this.deps.commands.markFailed(commandId, { code: e.code, message: e.message, issues: e.issues });
      }
      throw e;
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

function toOntologyEvent(e: EventEnvelope): OntologyEvent {
  return { type: e.eventType, data: e.payload } as unknown as OntologyEvent;
}
