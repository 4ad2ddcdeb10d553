import type { EntityKind } from '@spice/domain';
import { ontologyPath } from './use-branch';

/** Where each kind of entity is edited: its own page, or its list tab (which opens it in a side panel). */
export function entityPath(ontologyId: string, kind: EntityKind, id: string): string {
  switch (kind) {
    case 'objectType':
      return ontologyPath(ontologyId, `/object-types/${encodeURIComponent(id)}`);
    case 'linkType':
      return ontologyPath(ontologyId, `/link-types/${encodeURIComponent(id)}`);
    case 'interface':
      return ontologyPath(ontologyId, `/interfaces/${encodeURIComponent(id)}`);
    case 'sharedPropertyType':
      return ontologyPath(ontologyId, `/shared-properties?open=${encodeURIComponent(id)}`);
    case 'valueType':
      return ontologyPath(ontologyId, `/value-types?open=${encodeURIComponent(id)}`);
  }
}
