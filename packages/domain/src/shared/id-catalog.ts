import type { StreamDecider } from '../application/stream-command-runner';

/**
 * A catalog stream: every created aggregate of one kind is registered in a single stream, so lists need no scan
 * of the store. Registering twice changes nothing. `field` names the id in the event payload (`ontologyId`).
 */
export interface CatalogState {
  readonly ids: readonly string[];
}
export type CatalogCommand = { readonly type: 'Register'; readonly data: { readonly id: string } };

export function catalogDecider(aggregateType: string, eventType: string, field: string): StreamDecider<CatalogCommand, CatalogState> {
  return {
    aggregateType,
    schemaVersion: 1,
    contendedCode: `${aggregateType.toUpperCase()}.CONTENDED`,
    initial: { ids: [] },
    decide: (command, state) => (state.ids.includes(command.data.id) ? [] : [{ type: eventType, data: { [field]: command.data.id } }]),
    evolve: (state, event) => {
      const id = event.payload[field] as string;
      return state.ids.includes(id) ? state : { ids: [...state.ids, id] };
    },
  };
}
