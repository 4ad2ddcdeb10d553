import type { FieldIssue } from '../../shared/errors';
import { ENTITY_KINDS, ENTITY_LABEL, type EntityKind } from '../model/definitions';
import type { EntityState, OntologyState } from '../ontology.state';
import { interfaceIssues } from './interface.rules';
import { linkEndsByObjectType } from './link-ends';
import { linkTypeIssues } from './link-type.rules';
import { objectTypeIssues } from './object-type.rules';
import { indexOntology, type OntologyIndex } from './ontology-index';
import { sharedPropertyTypeIssues, valueTypeIssues } from './shared-types.rules';

/** A problem found on one entity; `path` is within the entity's definition. */
export interface EntityIssue extends FieldIssue {
  readonly kind: EntityKind;
  readonly id: string;
  readonly apiName: string;
}

/**
 * Every rule, over the whole ontology: each change is checked against all of it, so a change can't break an
 * entity it doesn't touch (an interface its implementers no longer satisfy, a link whose endpoint went away).
 */
export function ontologyIssues(state: OntologyState): EntityIssue[] {
  const index = indexOntology(state);
  const ends = linkEndsByObjectType(index);
  const issues: EntityIssue[] = [];
  const add = (e: EntityState, found: readonly FieldIssue[]) => {
    for (const i of found) issues.push({ ...i, kind: e.kind, id: e.id, apiName: e.definition.apiName });
  };
  for (const e of index.live('objectType')) add(e, objectTypeIssues(e, index, ends));
  for (const e of index.live('linkType')) add(e, linkTypeIssues(e, index, ends));
  for (const e of index.live('interface')) add(e, interfaceIssues(e, index));
  for (const e of index.live('sharedPropertyType')) add(e, sharedPropertyTypeIssues(e));
  for (const e of index.live('valueType')) add(e, valueTypeIssues(e));
  for (const { entity, issue } of nameClashes(index)) add(entity, [issue]);
  return issues;
}

const issuesCache = new WeakMap<OntologyState, EntityIssue[]>();

/** ontologyIssues, remembered per state: states are immutable, and each is validated by a command and then shown. */
export function cachedOntologyIssues(state: OntologyState): EntityIssue[] {
  let found = issuesCache.get(state);
  if (!found) {
    found = ontologyIssues(state);
    issuesCache.set(state, found);
  }
  return found;
}

/** Object types and interfaces share one namespace (both are types in queries); every other kind has its own. */
const NAMESPACE: Record<EntityKind, string> = {
  objectType: 'types',
  interface: 'types',
  linkType: 'linkTypes',
  sharedPropertyType: 'sharedPropertyTypes',
  valueType: 'valueTypes',
};

/** The later of two entities with one apiName (compared without case) is the one at fault. */
function nameClashes(index: OntologyIndex): { entity: EntityState; issue: FieldIssue }[] {
  const clashes: { entity: EntityState; issue: FieldIssue }[] = [];
  const seen = new Map<string, EntityState>();
  const all = ENTITY_KINDS.flatMap((k) => index.live(k) as readonly EntityState[]).sort((a, b) => a.version - b.version || a.id.localeCompare(b.id));
  for (const e of all) {
    const key = `${NAMESPACE[e.kind]}:${e.definition.apiName.toLowerCase()}`;
    const first = seen.get(key);
    if (!first) seen.set(key, e);
    else
      clashes.push({
        entity: e,
        issue: { path: 'apiName', rule: 'unique', message: `${ENTITY_LABEL[first.kind]} "${first.definition.apiName}" already exists in this ontology` },
      });
  }
  return clashes;
}
