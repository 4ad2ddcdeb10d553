import type { ConsumerHandler, EventEnvelope } from '@spice/domain';

export interface HandlerCall {
  readonly eventId: string;
  readonly at: number;
  readonly outcome: 'applied' | 'failed';
}

/**
 * The real projection behind a failure switch: while `failing` says so for an event, apply throws before the
 * projection is touched; otherwise the real handler runs. Every call is recorded with its time and outcome.
 */
export class FlakyHandler implements ConsumerHandler {
  readonly calls: HandlerCall[] = [];
  failing: (event: EventEnvelope) => boolean = () => false;

  constructor(private readonly inner: ConsumerHandler) {}

  get name(): string {
    return this.inner.name;
  }

  accepts(event: EventEnvelope): boolean {
    return this.inner.accepts(event);
  }

  async apply(event: EventEnvelope): Promise<void> {
    const at = performance.now();
    if (this.failing(event)) {
      this.calls.push({ eventId: event.eventId, at, outcome: 'failed' });
      throw new Error(`injected failure for ${event.eventType} ${event.eventId}`);
    }
    await this.inner.apply(event);
    this.calls.push({ eventId: event.eventId, at, outcome: 'applied' });
  }

  callsFor(eventId: string): HandlerCall[] {
    return this.calls.filter((c) => c.eventId === eventId);
  }
}
