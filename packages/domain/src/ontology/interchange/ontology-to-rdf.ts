import type { DataType } from '../model/data-type';
import type { InterfaceDefinition, LinkTypeDefinition, ObjectTypeDefinition, PropertyDefinition } from '../model/definitions';
import { writeTexts } from './display-texts';
import { JSONLD_TERM_NAMES } from './jsonld-writer';
import { FORMAT_VERSION, type OntologyDocument } from './ontology-document';
import { exactDataType, rangeOf } from './rdf-data-types';
import { bool, iri, json, list, RdfNodeBuilder, text, typed, type RdfNode } from './rdf-graph';
import { NS, OWL, RDF, RDFS, SH, XSD } from './vocabulary';

/** The graph of an export and the namespace its entities are named in. */
export interface OntologyGraph {
  readonly base: string;
  /** The prefix Turtle and JSON-LD use for `base`. */
  readonly prefix: string;
  readonly nodes: readonly RdfNode[];
}

export const defaultBaseIri = (ontologyId: string): string => `https://spice-harvester.dev/ontologies/${ontologyId}#`;

/**
 * Entity IRIs: types (object types and interfaces share a namespace) are `base + apiName`, their members (properties,
 * link ends) `base + Type.member` (names the rules keep unique per type), shared property types `base + apiName`
 * (camelCase, so never a type) and value types `base + valueType.ApiName`.
 */
class Names {
  constructor(readonly base: string) {}
  type = (apiName: string) => iri(`${this.base}${apiName}`);
  member = (owner: string, apiName: string) => iri(`${this.base}${owner}.${apiName}`);
  shared = (apiName: string) => iri(`${this.base}${apiName}`);
  valueType = (apiName: string) => iri(`${this.base}valueType.${apiName}`);
  ontology = () => iri(this.base.replace(/[#/]$/, ''));
}

/** The document as RDF: standard RDFS/OWL where it has a term, sh: for the rest, so that nothing is lost. */
export function ontologyGraph(document: OntologyDocument, base: string): OntologyGraph {
  const names = new Names(base);
  const nodes: RdfNode[] = [];
  const node = (subject: ReturnType<typeof iri>) => new RdfNodeBuilder(subject);

  const ontology = node(names.ontology()).add(RDF.type, iri(OWL.Ontology)).add(SH.ontologyId, text(document.ontology.id));
  writeTexts(ontology, { displayName: document.ontology.displayName, description: document.ontology.description });
  nodes.push(ontology.add(SH.formatVersion, typed(String(FORMAT_VERSION), XSD.integer)).build());

  for (const v of document.valueTypes) {
    const n = node(names.valueType(v.apiName)).add(RDF.type, iri(RDFS.Datatype), iri(SH.ValueType)).add(SH.apiName, text(v.apiName));
    writeTexts(n, v, v.translations);
    n.add(SH.baseDatatype, iri(rangeOf(v.baseType)));
    typeDetails(n, v.baseType);
    if (Object.keys(v.constraints).length > 0) n.add(SH.constraints, json(v.constraints));
    nodes.push(n.build());
  }

  for (const s of document.sharedPropertyTypes) {
    const n = node(names.shared(s.apiName)).add(RDF.type, iri(OWL.DatatypeProperty), iri(SH.SharedPropertyType)).add(SH.apiName, text(s.apiName));
    writeTexts(n, s, s.translations);
    n.add(RDFS.range, iri(rangeOf(s.dataType)));
    typeDetails(n, s.dataType);
    if (Object.keys(s.constraints).length > 0) n.add(SH.constraints, json(s.constraints));
    nodes.push(n.build());
  }

  for (const i of document.interfaces) nodes.push(...interfaceNodes(i, names));
  for (const o of document.objectTypes) nodes.push(...objectTypeNodes(o, names));
  for (const l of document.linkTypes) nodes.push(...linkTypeNodes(l, names));

  return { base, prefix: prefixFor(document.ontology.id), nodes };
}

/** The ontology id names its namespace in Turtle and JSON-LD, unless that name is taken by a standard prefix or a term. */
const prefixFor = (ontologyId: string): string => (ontologyId in NS || JSONLD_TERM_NAMES.has(ontologyId) ? 'ontology' : ontologyId);

function typeDetails(n: RdfNodeBuilder, dataType: DataType): void {
  const exact = exactDataType(dataType);
  if (exact) n.add(SH.dataType, exact);
}

/** Single-valued properties are functional; an array is the same property with many values. */
const valueKinds = (dataType: DataType) => [iri(OWL.DatatypeProperty), ...(typeof dataType !== 'string' && dataType.type === 'array' ? [] : [iri(OWL.FunctionalProperty)])];

function objectTypeNodes(o: ObjectTypeDefinition, names: Names): RdfNode[] {
  const self = names.type(o.apiName);
  const n = new RdfNodeBuilder(self).add(RDF.type, iri(OWL.Class)).add(SH.apiName, text(o.apiName));
  writeTexts(n, o, o.translations);
  n.add(SH.status, text(o.status));
  if (o.deprecation) {
    n.add(OWL.deprecated, bool(true)).add(SH.deprecationReason, text(o.deprecation.reason)).add(SH.deprecationDeadline, typed(o.deprecation.deadline, XSD.date));
    if (o.deprecation.replacement !== null) n.add(SH.replacedBy, names.type(o.deprecation.replacement));
  }
  if (o.icon !== null) n.add(SH.icon, text(o.icon));
  if (o.color !== null) n.add(SH.color, text(o.color));
  if (o.groups.length > 0) n.add(SH.groups, list(o.groups.map((g) => text(g))));
  if (o.implements.length > 0) n.add(RDFS.subClassOf, ...o.implements.map(names.type)).add(SH.implements, list(o.implements.map(names.type)));
  if (o.properties.length > 0) n.add(SH.properties, list(o.properties.map((p) => names.member(o.apiName, p.apiName))));
  if (o.primaryKey !== null) n.add(SH.primaryKey, text(o.primaryKey));
  if (o.titleKey !== null) n.add(SH.titleKey, text(o.titleKey));
  if (o.backingDataset !== null) n.add(SH.backingDataset, text(o.backingDataset.datasetId)).add(SH.backingBranch, text(o.backingDataset.branch));
  return [n.build(), ...o.properties.map((p) => propertyNode(p, o.apiName, names))];
}

function propertyNode(p: PropertyDefinition, owner: string, names: Names): RdfNode {
  const n = new RdfNodeBuilder(names.member(owner, p.apiName)).add(RDF.type, ...valueKinds(p.dataType)).add(SH.apiName, text(p.apiName));
  writeTexts(n, p, p.translations);
  n.add(RDFS.domain, names.type(owner)).add(RDFS.range, iri(rangeOf(p.dataType)));
  typeDetails(n, p.dataType);
  n.add(SH.required, bool(p.required)).add(SH.unique, bool(p.unique)).add(SH.searchable, bool(p.searchable));
  if (Object.keys(p.constraints).length > 0) n.add(SH.constraints, json(p.constraints));
  if (p.default !== undefined) n.add(SH.default, json(p.default));
  if (p.sharedPropertyType !== null) n.add(RDFS.subPropertyOf, names.shared(p.sharedPropertyType));
  if (p.valueType !== null) n.add(SH.valueType, names.valueType(p.valueType));
  return n.build();
}

function interfaceNodes(i: InterfaceDefinition, names: Names): RdfNode[] {
  const n = new RdfNodeBuilder(names.type(i.apiName)).add(RDF.type, iri(OWL.Class), iri(SH.Interface)).add(SH.apiName, text(i.apiName));
  writeTexts(n, i, i.translations);
  if (i.extends.length > 0) n.add(RDFS.subClassOf, ...i.extends.map(names.type)).add(SH.extends, list(i.extends.map(names.type)));
  if (i.properties.length > 0) n.add(SH.properties, list(i.properties.map((p) => names.member(i.apiName, p.apiName))));
  if (i.links.length > 0) n.add(SH.links, list(i.links.map((l) => names.member(i.apiName, l.apiName))));
  const properties = i.properties.map((p) => {
    const pn = new RdfNodeBuilder(names.member(i.apiName, p.apiName)).add(RDF.type, ...valueKinds(p.dataType)).add(SH.apiName, text(p.apiName));
    writeTexts(pn, { description: p.description });
    pn.add(RDFS.domain, names.type(i.apiName)).add(RDFS.range, iri(rangeOf(p.dataType)));
    typeDetails(pn, p.dataType);
    return pn.add(SH.required, bool(p.required)).build();
  });
  const links = i.links.map((l) =>
    new RdfNodeBuilder(names.member(i.apiName, l.apiName))
      .add(RDF.type, iri(OWL.ObjectProperty), ...(l.many ? [] : [iri(OWL.FunctionalProperty)]))
      .add(SH.apiName, text(l.apiName))
      .add(RDFS.domain, names.type(i.apiName))
      .add(RDFS.range, names.type(l.target.apiName))
      .add(SH.required, bool(l.required))
      .build(),
  );
  return [n.build(), ...properties, ...links];
}

/**
 * A link type is the object property of its forward end (named from the source) and, owl:inverseOf it, that of
 * its reverse end. Cardinality is also said in OWL: a side that names at most one object is functional.
 */
function linkTypeNodes(l: LinkTypeDefinition, names: Names): RdfNode[] {
  const forward = names.member(l.sourceObjectType, l.forward.apiName);
  const oneSource = l.cardinality !== 'many-to-many';
  const oneTarget = l.cardinality === 'one-to-one';
  const f = new RdfNodeBuilder(forward)
    .add(RDF.type, iri(OWL.ObjectProperty), ...(oneTarget ? [iri(OWL.FunctionalProperty)] : []), ...(oneSource ? [iri(OWL.InverseFunctionalProperty)] : []))
    .add(SH.linkType, text(l.apiName))
    .add(SH.apiName, text(l.forward.apiName));
  writeTexts(f, { displayName: l.forward.displayName, description: l.description }, forwardNodeTranslations(l));
  f.add(RDFS.domain, names.type(l.sourceObjectType)).add(RDFS.range, names.type(l.targetObjectType));
  f.add(SH.cardinality, text(l.cardinality)).add(SH.status, text(l.status));
  if (l.relationship !== null) f.add(SH.relationship, json(l.relationship));
  const r = new RdfNodeBuilder(names.member(l.targetObjectType, l.reverse.apiName))
    .add(RDF.type, iri(OWL.ObjectProperty), ...(oneSource ? [iri(OWL.FunctionalProperty)] : []), ...(oneTarget ? [iri(OWL.InverseFunctionalProperty)] : []))
    .add(OWL.inverseOf, forward)
    .add(SH.apiName, text(l.reverse.apiName));
  writeTexts(r, { displayName: l.reverse.displayName }, l.reverse.translations);
  r.add(RDFS.domain, names.type(l.targetObjectType)).add(RDFS.range, names.type(l.sourceObjectType));
  return [f.build(), r.build()];
}

/**
 * The forward end's node carries both the forward end's names and the link type's description, in every language:
 * its labels say how the source names its targets, its comments what the link means (rdf-link-types.ts splits them).
 */
function forwardNodeTranslations(l: LinkTypeDefinition): Record<string, { displayName?: string; description?: string }> {
  const languages = [...new Set([...Object.keys(l.forward.translations), ...Object.keys(l.translations)])];
  return Object.fromEntries(languages.map((language) => [language, { ...l.forward.translations[language], ...l.translations[language] }]));
}
