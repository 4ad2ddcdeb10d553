import type { EntityView, LinkCardinality } from '@spice/domain';

export interface LinkFromHere {
  readonly link: EntityView<'linkType'>;
  /** What the link is called from this type's side (names the other end). */
  readonly name: string;
  readonly displayName: string;
  readonly other: string;
  /** The cardinality read from this side: a one-to-many seen from its target is many-to-one. */
  readonly cardinality: string;
}

const REVERSED: Record<LinkCardinality, string> = { 'one-to-one': 'one-to-one', 'one-to-many': 'many-to-one', 'many-to-many': 'many-to-many' };

/** The link types that start or end at `apiName`, each as seen from it (a self-link appears from both ends). */
export function linksOfType(apiName: string, links: readonly EntityView<'linkType'>[]): LinkFromHere[] {
  return links.flatMap((link) => {
    const d = link.definition;
    const out: LinkFromHere[] = [];
    if (d.sourceObjectType === apiName)
      out.push({ link, name: d.forward.apiName, displayName: d.forward.displayName, other: d.targetObjectType, cardinality: d.cardinality });
    if (d.targetObjectType === apiName)
      out.push({ link, name: d.reverse.apiName, displayName: d.reverse.displayName, other: d.sourceObjectType, cardinality: REVERSED[d.cardinality] });
    return out;
  });
}
