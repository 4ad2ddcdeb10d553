import { round } from './stats';

export interface CallTimes {
  readonly calls: number;
  readonly meanMs: number;
  readonly totalMs: number;
}

/**
 * Where the time goes: wall time and call count per probe. The probes wrap methods of the live adapter
 * instances (the calls still reach the real services), so the measured path is the production one.
 */
export class TimeLedger {
  private readonly entries = new Map<string, { calls: number; totalMs: number }>();

  add(name: string, ms: number): void {
    const entry = this.entries.get(name) ?? { calls: 0, totalMs: 0 };
    entry.calls += 1;
    entry.totalMs += ms;
    this.entries.set(name, entry);
  }

  get(name: string): CallTimes {
    const entry = this.entries.get(name) ?? { calls: 0, totalMs: 0 };
    return {
      calls: entry.calls,
      totalMs: round(entry.totalMs),
      meanMs: entry.calls ? round(entry.totalMs / entry.calls, 2) : 0,
    };
  }

  report(): Record<string, CallTimes> {
    return Object.fromEntries([...this.entries.keys()].map((name) => [name, this.get(name)]));
  }

  /**
   * Times the named async methods of one instance under `label.method` until the returned undo is called.
   * An own property shadows the class method for this instance only; the undo removes it again.
   */
  instrument<T extends object>(target: T, label: string, methods: readonly (keyof T & string)[]): () => void {
    const record = target as Record<string, unknown>;
    const undos = methods.map((method) => {
      const hadOwn = Object.prototype.hasOwnProperty.call(record, method);
      const original = record[method] as (...args: unknown[]) => Promise<unknown>;
      record[method] = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await original.apply(target, args);
        } finally {
          this.add(`${label}.${method}`, performance.now() - started);
        }
      };
      return () => {
        if (hadOwn) record[method] = original;
        else delete record[method];
      };
    });
    return () => undos.forEach((undo) => undo());
  }
}
