import type { OntologyIndex } from './ontology-index';

/** A link as seen from one object type: its name there, where it leads, and whether it leads to many. */
export interface LinkEnd {
  readonly apiName: string;
  readonly linkType: string;
  readonly side: 'forward' | 'reverse';
  readonly otherObjectType: string;
  readonly many: boolean;
}

/** Every object type's link ends, by lower-cased object type apiName. */
export function linkEndsByObjectType(index: OntologyIndex): Map<string, LinkEnd[]> {
  const ends = new Map<string, LinkEnd[]>();
  const add = (objectType: string, end: LinkEnd) => {
    const key = objectType.toLowerCase();
    const list = ends.get(key) ?? [];
    list.push(end);
    ends.set(key, list);
  };
  for (const { definition: l } of index.live('linkType')) {
    add(l.sourceObjectType, { apiName: l.forward.apiName, linkType: l.apiName, side: 'forward', otherObjectType: l.targetObjectType, many: l.cardinality !== 'one-to-one' });
    add(l.targetObjectType, { apiName: l.reverse.apiName, linkType: l.apiName, side: 'reverse', otherObjectType: l.sourceObjectType, many: l.cardinality === 'many-to-many' });
  }
  return ends;
}

export const linkEndsOf = (ends: ReadonlyMap<string, LinkEnd[]>, objectType: string): readonly LinkEnd[] => ends.get(objectType.toLowerCase()) ?? [];
