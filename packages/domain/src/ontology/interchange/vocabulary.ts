/** The namespaces an exported ontology uses; `sh:` is our own vocabulary for what RDFS/OWL can't say. */
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  sh: 'https://spice-harvester.dev/ns/ontology#',
} as const;

export const RDF = {
  type: `${NS.rdf}type`,
  first: `${NS.rdf}first`,
  rest: `${NS.rdf}rest`,
  nil: `${NS.rdf}nil`,
  JSON: `${NS.rdf}JSON`,
  langString: `${NS.rdf}langString`,
  Property: `${NS.rdf}Property`,
} as const;

export const RDFS = {
  Class: `${NS.rdfs}Class`,
  Datatype: `${NS.rdfs}Datatype`,
  Literal: `${NS.rdfs}Literal`,
  Resource: `${NS.rdfs}Resource`,
  label: `${NS.rdfs}label`,
  comment: `${NS.rdfs}comment`,
  domain: `${NS.rdfs}domain`,
  range: `${NS.rdfs}range`,
  subClassOf: `${NS.rdfs}subClassOf`,
  subPropertyOf: `${NS.rdfs}subPropertyOf`,
} as const;

export const OWL = {
  Ontology: `${NS.owl}Ontology`,
  Class: `${NS.owl}Class`,
  Thing: `${NS.owl}Thing`,
  DatatypeProperty: `${NS.owl}DatatypeProperty`,
  ObjectProperty: `${NS.owl}ObjectProperty`,
  FunctionalProperty: `${NS.owl}FunctionalProperty`,
  InverseFunctionalProperty: `${NS.owl}InverseFunctionalProperty`,
  inverseOf: `${NS.owl}inverseOf`,
  unionOf: `${NS.owl}unionOf`,
  deprecated: `${NS.owl}deprecated`,
} as const;

export const XSD = {
  string: `${NS.xsd}string`,
  boolean: `${NS.xsd}boolean`,
  integer: `${NS.xsd}integer`,
  double: `${NS.xsd}double`,
  date: `${NS.xsd}date`,
} as const;

const SH_TERMS = [
  'Interface',
  'SharedPropertyType',
  'ValueType',
  'formatVersion',
  'ontologyId',
  'apiName',
  'pluralLabel',
  'translations',
  'icon',
  'color',
  'status',
  'deprecationReason',
  'deprecationDeadline',
  'replacedBy',
  'groups',
  'properties',
  'links',
  'primaryKey',
  'titleKey',
  'implements',
  'extends',
  'backingDataset',
  'backingBranch',
  'dataType',
  'baseDatatype',
  'required',
  'unique',
  'searchable',
  'constraints',
  'default',
  'valueType',
  'linkType',
  'cardinality',
  'relationship',
] as const;

/** Our own terms. Classes are capitalised, properties are not. */
export const SH = Object.fromEntries(SH_TERMS.map((term) => [term, `${NS.sh}${term}`])) as { readonly [T in (typeof SH_TERMS)[number]]: string };

/** `rdfs:label` for `http://www.w3.org/2000/01/rdf-schema#label`: how issues name predicates and ranges. */
export function curie(iri: string): string {
  for (const [prefix, ns] of Object.entries(NS)) if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  return iri;
}
