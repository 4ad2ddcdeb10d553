import { ZLinkTypeDefinition, type LinkCardinality, type LinkTypeDefinition } from '../model/definitions';
import type { ReadTexts } from './display-texts';
import { humanised, localName } from './names';
import { apiNameOf, displayNameOf, parseAt, type RdfGraphIndex } from './rdf-graph-index';
import type { RdfNodeReader } from './rdf-node-reader';
import { curie, OWL, RDFS, SH } from './vocabulary';

/**
 * Link types from object properties between object types. An owl:inverseOf pair is one link type; the property
 * our export marked with sh:linkType is its forward end. For other tools' ontologies the OWL characteristics give
 * the cardinality: a property that names at most one object (functional) is the "one" side.
 */
export function linkTypesFrom(properties: readonly RdfNodeReader[], index: RdfGraphIndex): { where: string; definition: LinkTypeDefinition }[] {
  const candidates = new Set(properties.map((p) => p.where));
  const partner = new Map<string, RdfNodeReader>();
  for (const p of properties) {
    for (const inverse of p.iris(OWL.inverseOf)) {
      const q = index.byKey.get(inverse);
      if (q && candidates.has(inverse) && !partner.has(p.where) && !partner.has(inverse)) {
        partner.set(p.where, q);
        partner.set(inverse, p);
      }
    }
  }
  const done = new Set<string>();
  const found: { where: string; definition: LinkTypeDefinition }[] = [];
  for (const p of properties) {
    if (done.has(p.where)) continue;
    const q = partner.get(p.where);
    done.add(p.where);
    if (q) done.add(q.where);
    const [primary, inverse] = q?.has(SH.linkType) && !p.has(SH.linkType) ? [q, p] : [p, q];
    const definition = linkType(primary, inverse, index);
    if (definition) found.push({ where: primary.where, definition });
  }
  return found;
}

/** `p` names the link type and carries its description; `q`, its inverse, names the other end when there is one. */
function linkType(p: RdfNodeReader, q: RdfNodeReader | undefined, index: RdfGraphIndex): LinkTypeDefinition | null {
  const pDomain = index.classesAt(p, RDFS.domain);
  const pRange = index.classesAt(p, RDFS.range);
  const qDomain = q ? index.classesAt(q, RDFS.domain) : [];
  const qRange = q ? index.classesAt(q, RDFS.range) : [];
  if (!pDomain || !pRange || !qDomain || !qRange) return null;
  if (pDomain.length > 1 || pRange.length > 1) {
    p.issue(null, 'link-ends', 'a link type joins one class to one class; this property has several domains or ranges');
    return null;
  }
  const domain = pDomain[0] ?? qRange[0];
  const range = pRange[0] ?? qDomain[0];
  if (!domain || !range) {
    p.issue(null, 'link-ends', 'an object property needs an rdfs:domain and an rdfs:range (or an owl:inverseOf that has them) to become a link type');
    return null;
  }
  const iface = [domain, range].find((t) => t.kind === 'interface');
  if (iface) {
    p.issue(iface === domain ? RDFS.domain : RDFS.range, 'link-ends', `${curie(iface.where)} is an interface; a link type joins object types`);
    return null;
  }

  const pFunctional = p.is(OWL.FunctionalProperty) || (q?.is(OWL.InverseFunctionalProperty) ?? false);
  const pInverseFunctional = p.is(OWL.InverseFunctionalProperty) || (q?.is(OWL.FunctionalProperty) ?? false);
  // Our model has no many-to-one: a property that names one object of a type with many of them is read from the other side.
  const flipped = pFunctional && !pInverseFunctional && !p.has(SH.linkType);
  const cardinality: LinkCardinality = pFunctional && pInverseFunctional ? 'one-to-one' : pInverseFunctional || flipped ? 'one-to-many' : 'many-to-many';

  const texts = p.texts();
  const apiName = p.literal(SH.linkType) ?? apiNameOf(p, 'camelCase');
  const end = (node: RdfNodeReader | undefined) => {
    if (!node) return { apiName: `${apiName}Inverse`, displayName: `${humanised(localName(p.where))} (inverse)`, translations: {} };
    const own = node === p ? texts : node.texts();
    return { apiName: apiNameOf(node, 'camelCase'), displayName: displayNameOf(node, own.displayName), translations: translated(own, 'displayName') };
  };
  const named = end(p);
  const other = end(q);
  return parseAt(p, ZLinkTypeDefinition, {
    apiName,
    ...(texts.description !== undefined && { description: texts.description }),
    sourceObjectType: (flipped ? range : domain).apiName,
    targetObjectType: (flipped ? domain : range).apiName,
    cardinality: p.literal(SH.cardinality) ?? cardinality,
    forward: flipped ? other : named,
    reverse: flipped ? named : other,
    ...(p.has(SH.relationship) && { relationship: p.json(SH.relationship) }),
    ...(p.has(SH.status) && { status: p.literal(SH.status) }),
    translations: translated(texts, 'description'),
  });
}

/**
 * One kind of a node's translated texts, by language. A link end's node has labels (its names) and, on the forward
 * end, comments (the link type's description), which belong to the end and to the link type respectively.
 */
function translated<F extends 'displayName' | 'description'>(texts: ReadTexts, field: F): Record<string, Record<F, string>> {
  const found: Record<string, Record<F, string>> = {};
  for (const [language, values] of Object.entries(texts.translations)) {
    const value = typeof values === 'object' && values !== null ? values[field] : undefined;
    if (value !== undefined) found[language] = { [field]: value } as Record<F, string>;
  }
  return found;
}
