import type { EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import { SEQUENCE_CONFLICT } from '../eventstore/object-store-event-store';
import type { Clock, IdGenerator } from '../ports/clock.port';
import type { CommandLease, CommandLog, CommandRecord, NewCommand } from '../ports/command-log.port';
import { conflict, DomainError, isDomainError } from '../shared/errors';
import { contentHash } from '../shared/stable-hash';

const MAX_CACHED_STREAMS = 200;
/**
 * How often a command is re-decided when another command appended to the same stream first. Every round lets
 * at least one writer through, so this only runs out under sustained contention on one stream.
 */
const MAX_DECIDE_ATTEMPTS = 20;
/** How long a try holds a command before a retry of its id may take it over; renewed while it runs. */
const COMMAND_LEASE_MS = 10_000;
/** How long a retry waits for another try of its id to settle: past one lease, so a dead try is taken over. */
const COMMAND_WAIT_MS = 15_000;

export interface Actor {
  readonly id: string;
}

export interface CommandOutcome {
  readonly commandId: string;
  readonly status: CommandRecord['status'];
  readonly sequenceNumber: number | null;
}

/** An aggregate's decide/evolve pair and how its stream is stored. */
export interface StreamDecider<C extends { readonly type: string }, S> {
  readonly aggregateType: string;
  readonly schemaVersion: number;
  /** What "the stream kept changing" is called for this aggregate, e.g. ONTOLOGY.CONTENDED. */
  readonly contendedCode: string;
  readonly initial: S;
  decide(command: C, state: S): readonly { readonly type: string; readonly data: unknown }[];
  evolve(state: S, event: EventEnvelope): S;
  /** The command's data as the client gave it: ids the service generates would make every retry look new. */
  retryStable?(command: C): unknown;
}

export interface StreamCommandRunnerDeps {
  readonly events: EventStore;
  readonly commands: CommandLog;
  readonly ids: IdGenerator;
  readonly clock?: Clock;
}

/**
 * Runs commands on one kind of event-sourced stream: the command log makes a command id run once (concurrent
 * tries of one id wait for the first), the state is folded from the store (cached, and caught up on every
 * load), and a command that lost a race for its sequence number is decided again on the newer state.
 */
export class StreamCommandRunner<C extends { readonly type: string; readonly data?: unknown }, S> {
  private readonly states = new Map<string, { state: S; seq: number }>();

  constructor(
    private readonly deps: StreamCommandRunnerDeps,
    private readonly decider: StreamDecider<C, S>,
  ) {}

  async execute(aggregateId: string, command: C, actor: Actor, givenCommandId?: string): Promise<CommandOutcome> {
    const commandId = givenCommandId ?? this.deps.ids.uuid();
    const lease: CommandLease = { owner: this.deps.ids.uuid(), ms: COMMAND_LEASE_MS };
    const stable = this.decider.retryStable ? this.decider.retryStable(command) : command.data;
    const entry = await this.enter(
      {
        commandId,
        commandType: command.type,
        aggregateType: this.decider.aggregateType,
        aggregateId,
        actor: actor.id,
        payloadHash: contentHash({ type: command.type, aggregateId, data: stable }),
      },
      lease,
    );
    if (!entry.run) return entry.outcome;
    const heartbeat = setInterval(() => void this.deps.commands.renew(commandId, lease).catch(() => undefined), lease.ms / 4);
    try {
      if (entry.resumed) {
        // The try before this one was cut off (a crash, an outage) and may have appended already.
        const earlierSeq = await this.appendedBy(aggregateId, commandId);
        if (earlierSeq !== null) return await this.applied(commandId, earlierSeq);
      }
      return await this.applied(commandId, await this.decideAndAppend(aggregateId, command, actor, commandId));
    } catch (e) {
      if (!isDomainError(e) || e.retryable) {
        // Left pending with its lease free, so the client's retry with the same id runs it at once.
        await this.deps.commands.release(commandId, lease.owner).catch(() => undefined);
        throw e;
      }
      const appliedAfterAll = await this.fail(aggregateId, commandId, lease, e, entry.resumed);
      if (appliedAfterAll) return appliedAfterAll;
      throw e;
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The stream's state now: the cached fold caught up with whatever was appended since. */
  async load(aggregateId: string): Promise<{ state: S; seq: number }> {
    const cached = this.states.get(aggregateId) ?? { state: this.decider.initial, seq: 0 };
    const newer = await this.deps.events.readStream(this.decider.aggregateType, aggregateId, cached.seq + 1);
    if (newer.length === 0 && this.states.has(aggregateId)) return cached;
    const loaded = { state: newer.reduce((s, e) => this.decider.evolve(s, e), cached.state), seq: newer.at(-1)?.sequenceNumber ?? cached.seq };
    if (this.states.size >= MAX_CACHED_STREAMS) this.states.delete(this.states.keys().next().value!);
    this.states.set(aggregateId, loaded);
    return loaded;
  }

  /** The stream's events, for history: from `fromSeq` on. */
  read(aggregateId: string, fromSeq = 1): Promise<EventEnvelope[]> {
    return this.deps.events.readStream(this.decider.aggregateType, aggregateId, fromSeq);
  }

  /**
   * The command log's gate. A new command id, or a pending one whose earlier try is gone, is this try's to run.
   * While another try of the same id runs it, this one waits for its outcome; the wait outlasts a lease, so a
   * try that died is taken over. One that is still running after that (stalled, not dead) is answered
   * COMMAND.IN_PROGRESS, for the client to follow its status or retry.
   */
  private async enter(record: NewCommand, lease: CommandLease): Promise<{ run: true; resumed: boolean } | { run: false; outcome: CommandOutcome }> {
    const { commandId } = record;
    for (let waitedMs = 0, pauseMs = 5; ; waitedMs += pauseMs, pauseMs = Math.min(pauseMs * 2, 100)) {
      const start = await this.deps.commands.begin(record, lease);
      if (start.kind !== 'seen') return { run: true, resumed: start.kind === 'resumed' };
      const existing = start.record;
      if (existing.payloadHash !== record.payloadHash)
        throw conflict('COMMAND.ID_REUSED', `Command id ${commandId} was already used for a different command`, { commandId });
      if (existing.status !== 'pending') return { run: false, outcome: { commandId, status: existing.status, sequenceNumber: existing.sequenceNumber } };
      if (waitedMs >= COMMAND_WAIT_MS)
        throw new DomainError({
          code: 'COMMAND.IN_PROGRESS',
          kind: 'conflict',
          retryable: true,
          message: `Command ${commandId} is already being applied; follow its status or try again`,
          context: { commandId },
        });
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }

  private async applied(commandId: string, sequenceNumber: number): Promise<CommandOutcome> {
    await this.deps.commands.markApplied(commandId, sequenceNumber);
    return { commandId, status: 'applied', sequenceNumber };
  }

  /**
   * Records the command as failed, unless it was applied after all: by the earlier try this one took over from
   * (its events are in the stream), or by a later try that took over from this one (the log says applied).
   * Returns the applied outcome then, so the log and the answer both tell the truth.
   */
  private async fail(aggregateId: string, commandId: string, lease: CommandLease, error: DomainError, resumed: boolean): Promise<CommandOutcome | null> {
    if (resumed) {
      const earlierSeq = await this.appendedBy(aggregateId, commandId);
      if (earlierSeq !== null) return this.applied(commandId, earlierSeq);
    }
    if (await this.deps.commands.markFailed(commandId, lease.owner, { code: error.code, message: error.message, issues: error.issues })) return null;
    const record = await this.deps.commands.get(commandId);
    return record?.status === 'applied' ? { commandId, status: 'applied', sequenceNumber: record.sequenceNumber } : null;
  }

  /**
   * The last sequence number of the events a command appended, or null if it appended none. The stream is
   * repaired first: a try cut off between writing its event object and committing the ledger left events the
   * store holds (so they count) but the ledger, and so the relay, does not know yet.
   */
  private async appendedBy(aggregateId: string, commandId: string): Promise<number | null> {
    await this.deps.events.repair(this.decider.aggregateType, aggregateId);
    const stream = await this.deps.events.readStream(this.decider.aggregateType, aggregateId);
    return stream.findLast((e) => e.commandId === commandId)?.sequenceNumber ?? null;
  }

  /**
   * Decides on the stream as loaded and appends at its sequence number. When another command appended in
   * between (EVENT_STORE.SEQUENCE_CONFLICT) the command is decided again on the new state: an edit of another
   * entity then goes through, while an edit of the same one meets that entity's own version check.
   */
  private async decideAndAppend(aggregateId: string, command: C, actor: Actor, commandId: string): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const { state, seq } = await this.load(aggregateId);
      const decided = this.decider.decide(command, state);
      // Nothing to change (an edit that changes nothing, an approval given twice): applied where the stream is.
      if (decided.length === 0) return seq;
      try {
        const appended = await this.deps.events.append({
          aggregateType: this.decider.aggregateType,
          aggregateId,
          expectedSeq: seq,
          events: decided.map((e) => ({ eventType: e.type, schemaVersion: this.decider.schemaVersion, payload: { ...(e.data as Record<string, unknown>) } })),
          context: { commandId, actor: actor.id },
        });
        return appended.lastSeq;
      } catch (e) {
        if (!isDomainError(e) || e.code !== SEQUENCE_CONFLICT) throw e;
        if (attempt >= MAX_DECIDE_ATTEMPTS)
          throw new DomainError({
            code: this.decider.contendedCode,
            kind: 'conflict',
            retryable: true,
            message: `The ${this.decider.aggregateType} kept changing while this command was decided (${attempt} attempts); try again`,
            context: { attempts: attempt, ...e.context },
            cause: e,
          });
        // A little jitter so writers that lost together don't all come back together.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }
}
