import type { EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { MessageBus } from '../ports/message-bus.port';
import type { DeadLetter, ProcessedEventsRegistry } from '../ports/processed-events.port';
import { DomainError, notFound } from '../shared/errors';
import { EVENTS_TOPIC, eventMessage } from './relay';

export interface DeadLetterDetail {
  readonly deadLetter: DeadLetter;
  /** The stored event, read from the event store (the truth), not from the dead-letter topic. */
  readonly event: EventEnvelope;
}

export interface DeadLetterServiceDeps {
  readonly registry: ProcessedEventsRegistry;
  readonly events: EventStore;
  readonly bus: MessageBus;
}

/**
 * Lists, inspects and re-drives the events a consumer gave up on. A re-drive makes the dead letters claimable
 * again (fresh attempt count) and republishes the stored events to the events topic in stream order, so the
 * consumer applies them exactly once through its usual path (claim, stale skip, gap fill).
 *
 * A stream with a dead letter is blocked: the consumer dead-letters its later events behind it. Re-driving an
 * event therefore re-drives the later dead letters of its stream with it, and an event with an earlier dead
 * letter in its stream cannot be re-driven on its own (DEAD_LETTER.BEHIND_ANOTHER).
 */
export class DeadLetterService {
  constructor(
    private readonly deps: DeadLetterServiceDeps,
    private readonly topic: string = EVENTS_TOPIC,
  ) {}

  /** Dead letters of one handler, or of every handler, ordered by stream and sequence number. */
  list(handler?: string): Promise<DeadLetter[]> {
    return this.deps.registry.deadLetters(handler);
  }

  /** Dead letters with their stored events, in the order of `list`; one store read per stream. */
  async listDetailed(handler?: string): Promise<DeadLetterDetail[]> {
    const streams = new Map<string, DeadLetter[]>();
    for (const d of await this.list(handler)) {
      const key = JSON.stringify([d.aggregateType, d.aggregateId]);
      streams.set(key, [...(streams.get(key) ?? []), d]);
    }
    const details: DeadLetterDetail[] = [];
    for (const letters of streams.values()) {
      const events = await this.storedEvents(letters);
      letters.forEach((deadLetter, i) => details.push({ deadLetter, event: events[i]! }));
    }
    return details;
  }

  /** One dead letter with its stored event. */
  async inspect(handler: string, eventId: string): Promise<DeadLetterDetail> {
    const deadLetter = await this.find(handler, eventId);
    const [event] = await this.storedEvents([deadLetter]);
    return { deadLetter, event: event! };
  }

  /** Re-drives one dead letter and the later dead letters of its stream; returns what was re-driven, in order. */
  async redrive(handler: string, eventId: string): Promise<DeadLetter[]> {
    const target = await this.find(handler, eventId);
    const stream = (await this.deps.registry.deadLetters(handler)).filter((d) => sameStream(d, target));
    const earlier = stream.find((d) => d.sequenceNumber < target.sequenceNumber);
    if (earlier) {
      throw new DomainError({
        code: 'DEAD_LETTER.BEHIND_ANOTHER',
        kind: 'precondition',
        message: `Event ${eventId} waits behind dead letter ${earlier.eventId} (sequence ${earlier.sequenceNumber}) of the same stream; re-drive that one first`,
        context: { handler, eventId, blockedBy: earlier.eventId },
      });
    }
    return this.redriveStream(handler, stream.filter((d) => d.sequenceNumber >= target.sequenceNumber));
  }

  /** Re-drives every dead letter of a handler, stream by stream, each in order; returns what was re-driven. */
  async redriveAll(handler: string): Promise<DeadLetter[]> {
    const streams = new Map<string, DeadLetter[]>();
    for (const d of await this.deps.registry.deadLetters(handler)) {
      const key = JSON.stringify([d.aggregateType, d.aggregateId]);
      streams.set(key, [...(streams.get(key) ?? []), d]);
    }
    const redriven: DeadLetter[] = [];
    for (const stream of streams.values()) redriven.push(...(await this.redriveStream(handler, stream)));
    return redriven;
  }

  private async find(handler: string, eventId: string): Promise<DeadLetter> {
    const found = (await this.deps.registry.deadLetters(handler)).find((d) => d.eventId === eventId);
    if (!found) throw notFound('DEAD_LETTER.NOT_FOUND', `No dead letter ${eventId} for handler ${handler}`, { handler, eventId });
    return found;
  }

  /** `letters`: dead letters of one stream in sequence order. */
  private async redriveStream(handler: string, letters: readonly DeadLetter[]): Promise<DeadLetter[]> {
    const events = await this.storedEvents(letters);
    const redriven: { letter: DeadLetter; event: EventEnvelope }[] = [];
    for (const [i, letter] of letters.entries()) {
      // Null when another operator re-drove it in the meantime: that one republishes it.
      if (await this.deps.registry.redrive(handler, letter.eventId)) redriven.push({ letter, event: events[i]! });
    }
    try {
      await this.deps.bus.publish(this.topic, redriven.map((r) => eventMessage(r.event)));
    } catch (e) {
      // Nothing was republished: put the dead letters back so they stay listed and can be re-driven later.
      for (const r of redriven) await this.deps.registry.markDead(handler, r.event, r.letter.lastError ?? 're-drive failed');
      throw e;
    }
    return redriven.map((r) => r.letter);
  }

  private async storedEvents(letters: readonly DeadLetter[]): Promise<EventEnvelope[]> {
    if (letters.length === 0) return [];
    const first = letters[0]!;
    const stream = await this.deps.events.readStream(first.aggregateType, first.aggregateId, first.sequenceNumber);
    return letters.map((letter) => {
      const event = stream.find((e) => e.eventId === letter.eventId);
      if (!event) {
        throw notFound('DEAD_LETTER.EVENT_MISSING', `Dead letter ${letter.eventId} has no event in the event store`, {
          eventId: letter.eventId,
          aggregateType: letter.aggregateType,
          aggregateId: letter.aggregateId,
          sequenceNumber: letter.sequenceNumber,
        });
      }
      return event;
    });
  }
}

function sameStream(a: DeadLetter, b: DeadLetter): boolean {
  return a.aggregateType === b.aggregateType && a.aggregateId === b.aggregateId;
}
