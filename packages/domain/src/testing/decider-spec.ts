import { expect } from 'vitest';
import { DomainError } from '../shared/errors';

/** given(past events).when(command).then(expected events) for a decide/evolve pair, without mocks. */
export function deciderSpec<C, E, S>(decider: { decide: (c: C, s: S) => E[]; evolve: (s: S, e: E) => S; initial: S }) {
  return {
    given(events: E[]) {
      const state = events.reduce(decider.evolve, decider.initial);
      return {
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: string, check?: (e: DomainError) => void) {
              let caught: unknown;
              try {
                run();
              } catch (e) {
                caught = e;
              }
              expect(caught).toBeInstanceOf(DomainError);
              expect((caught as DomainError).code).toBe(code);
              check?.(caught as DomainError);
            },
          };
        },
      };
    },
  };
}
