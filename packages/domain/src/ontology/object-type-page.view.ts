import type { EntityKind } from './model/definitions';
import { ontologyView, type EntityView, type OntologyView } from './ontology.view';
import type { OntologyState } from './ontology.state';
import { entityReferrers, type EntityReference } from './rules/references';
import type { EntityIssue } from './rules/ontology.validation';

export type { EntityReference } from './rules/references';

/** An entity as a picker or a link names it. */
export interface EntityName {
  readonly id: string;
  readonly apiName: string;
  readonly displayName: string;
}

/** A link type with the object type at one end or both, and the object types at its ends. */
export interface LinkTypeTouching {
  readonly linkType: EntityView<'linkType'>;
  /** null when no live object type has the end's name (a broken reference, reported among the issues). */
  readonly source: EntityName | null;
  readonly target: EntityName | null;
}

/**
 * Everything the object-type page shows about one object type, and nothing of the rest of the ontology beyond
 * the names its pickers offer: a page of a 500-type ontology doesn't wait for the other 499 types.
 */
export interface ObjectTypePageView {
  readonly ontologyId: string;
  readonly branch: string;
  readonly closed: boolean;
  /** The branch's stream position this was read at, comparable with what `model.watch` pushes. */
  readonly seq: number;
  readonly objectType: EntityView<'objectType'>;
  /** Sorted by apiName; a self-link once. */
  readonly linkTypes: readonly LinkTypeTouching[];
  /** The interfaces it implements and those they extend (their required properties and links apply too). */
  readonly interfaces: readonly EntityView<'interface'>[];
  /** The shared property types and value types its properties use. */
  readonly sharedPropertyTypes: readonly EntityView<'sharedPropertyType'>[];
  readonly valueTypes: readonly EntityView<'valueType'>[];
  /** What would stop it being deleted or renamed. */
  readonly referencedBy: readonly EntityReference[];
  /** What today's rules find wrong with it. */
  readonly issues: readonly EntityIssue[];
  /** What the page's pickers offer (replacement type, interfaces to implement, shared and value types). */
  readonly choices: {
    /** The types a deprecation can name as its replacement (not deprecated themselves), by apiName alone: the longest list at hundreds of types. */
    readonly objectTypes: readonly string[];
    readonly interfaces: readonly EntityName[];
    readonly sharedPropertyTypes: readonly EntityName[];
    readonly valueTypes: readonly EntityName[];
  };
}

type ByName<K extends EntityKind> = ReadonlyMap<string, EntityView<K>>;

/** A view's entities looked up the ways the page needs; built once per view, which never changes. */
interface PageIndex {
  readonly objectTypeById: ReadonlyMap<string, EntityView<'objectType'>>;
  readonly objectTypes: ByName<'objectType'>;
  readonly interfaces: ByName<'interface'>;
  readonly sharedPropertyTypes: ByName<'sharedPropertyType'>;
  readonly valueTypes: ByName<'valueType'>;
  /** Link types by the lower-cased name of each object type they touch. */
  readonly linkTypesByEnd: ReadonlyMap<string, readonly EntityView<'linkType'>[]>;
  readonly objectTypeIssues: ReadonlyMap<string, readonly EntityIssue[]>;
  readonly choices: ObjectTypePageView['choices'];
}

const key = (apiName: string) => apiName.toLowerCase();
const byName = <K extends EntityKind>(list: readonly EntityView<K>[]): ByName<K> => new Map(list.map((e) => [key(e.definition.apiName), e]));
const named = (e: EntityView<'objectType' | 'interface' | 'sharedPropertyType' | 'valueType'>): EntityName => ({
  id: e.id,
  apiName: e.definition.apiName,
  displayName: e.definition.displayName,
});

function pushTo<T>(map: Map<string, T[]>, at: string, item: T): void {
  const list = map.get(at);
  if (list) list.push(item);
  else map.set(at, [item]);
}

const indexes = new WeakMap<OntologyView, PageIndex>();

function pageIndex(view: OntologyView): PageIndex {
  let index = indexes.get(view);
  if (index) return index;
  const { objectType, linkType, interface: interfaces, sharedPropertyType, valueType } = view.entities;
  const linkTypesByEnd = new Map<string, EntityView<'linkType'>[]>();
  for (const l of linkType) {
    const ends = new Set([key(l.definition.sourceObjectType), key(l.definition.targetObjectType)]);
    for (const end of ends) pushTo(linkTypesByEnd, end, l);
  }
  const objectTypeIssues = new Map<string, EntityIssue[]>();
  for (const issue of view.issues) if (issue.kind === 'objectType') pushTo(objectTypeIssues, issue.id, issue);
  index = {
    objectTypeById: new Map(objectType.map((e) => [e.id, e])),
    objectTypes: byName(objectType),
    interfaces: byName(interfaces),
    sharedPropertyTypes: byName(sharedPropertyType),
    valueTypes: byName(valueType),
    linkTypesByEnd,
    objectTypeIssues,
    choices: {
      objectTypes: objectType.filter((e) => e.definition.status !== 'deprecated').map((e) => e.definition.apiName),
      interfaces: interfaces.map(named),
      sharedPropertyTypes: sharedPropertyType.map(named),
      valueTypes: valueType.map(named),
    },
  };
  indexes.set(view, index);
  return index;
}

/** The named entities that exist, once each, in the order first named. */
function found<K extends EntityKind>(names: Iterable<string | null>, from: ByName<K>): EntityView<K>[] {
  const out = new Map<string, EntityView<K>>();
  for (const name of names) {
    const e = name === null ? undefined : from.get(key(name));
    if (e) out.set(e.id, e);
  }
  return [...out.values()];
}

/** The interfaces named and every one they extend, transitively, each once. */
function withAncestors(names: readonly string[], interfaces: ByName<'interface'>): EntityView<'interface'>[] {
  const seen = new Map<string, EntityView<'interface'>>();
  const visit = (name: string) => {
    const i = interfaces.get(key(name));
    if (!i || seen.has(i.id)) return;
    seen.set(i.id, i);
    for (const parent of i.definition.extends) visit(parent);
  };
  for (const name of names) visit(name);
  return [...seen.values()];
}

/** The object-type page of `id` on the branch `state` (with what `main` contributes); null when it doesn't exist. */
export function objectTypePageView(state: OntologyState, main: OntologyState, id: string): ObjectTypePageView | null {
  const view = ontologyView(state, main);
  const index = pageIndex(view);
  const objectType = index.objectTypeById.get(id);
  if (!objectType) return null;
  const d = objectType.definition;
  const end = (apiName: string) => {
    const e = index.objectTypes.get(key(apiName));
    return e ? named(e) : null;
  };
  return {
    ontologyId: view.ontologyId,
    branch: view.branch,
    closed: view.closed,
    seq: view.seq,
    objectType,
    linkTypes: (index.linkTypesByEnd.get(key(d.apiName)) ?? []).map((linkType) => ({
      linkType,
      source: end(linkType.definition.sourceObjectType),
      target: end(linkType.definition.targetObjectType),
    })),
    interfaces: withAncestors(d.implements, index.interfaces),
    sharedPropertyTypes: found(
      d.properties.map((p) => p.sharedPropertyType),
      index.sharedPropertyTypes,
    ),
    valueTypes: found(
      d.properties.map((p) => p.valueType),
      index.valueTypes,
    ),
    referencedBy: entityReferrers({ live: (kind) => view.entities[kind] }, 'objectType', d.apiName),
    issues: index.objectTypeIssues.get(id) ?? [],
    choices: index.choices,
  };
}
