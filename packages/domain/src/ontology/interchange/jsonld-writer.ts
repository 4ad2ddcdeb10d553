import type { OntologyGraph } from './ontology-to-rdf';
import type { RdfTerm } from './rdf-graph';
import { NS, OWL, RDF, RDFS, SH, XSD } from './vocabulary';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** How a term's values are written: a language map, IRIs, an ordered list of IRIs or strings, or JSON. */
type Shape = 'language' | 'iri' | 'iriList' | 'list' | 'json';

/** Terms the @context defines so the document reads like plain JSON; every value still means the same triples. */
const TERMS: readonly { term: string; predicate: string; shape: Shape }[] = [
  { term: 'label', predicate: RDFS.label, shape: 'language' },
  { term: 'pluralLabel', predicate: SH.pluralLabel, shape: 'language' },
  { term: 'comment', predicate: RDFS.comment, shape: 'language' },
  { term: 'domain', predicate: RDFS.domain, shape: 'iri' },
  { term: 'range', predicate: RDFS.range, shape: 'iri' },
  { term: 'subClassOf', predicate: RDFS.subClassOf, shape: 'iri' },
  { term: 'subPropertyOf', predicate: RDFS.subPropertyOf, shape: 'iri' },
  { term: 'inverseOf', predicate: OWL.inverseOf, shape: 'iri' },
  { term: 'replacedBy', predicate: SH.replacedBy, shape: 'iri' },
  { term: 'valueType', predicate: SH.valueType, shape: 'iri' },
  { term: 'baseDatatype', predicate: SH.baseDatatype, shape: 'iri' },
  { term: 'implements', predicate: SH.implements, shape: 'iriList' },
  { term: 'extends', predicate: SH.extends, shape: 'iriList' },
  { term: 'properties', predicate: SH.properties, shape: 'iriList' },
  { term: 'links', predicate: SH.links, shape: 'iriList' },
  { term: 'groups', predicate: SH.groups, shape: 'list' },
  { term: 'constraints', predicate: SH.constraints, shape: 'json' },
  { term: 'default', predicate: SH.default, shape: 'json' },
  { term: 'relationship', predicate: SH.relationship, shape: 'json' },
  { term: 'translations', predicate: SH.translations, shape: 'json' },
];
const TERM_OF = new Map(TERMS.map((t) => [t.predicate, t]));
/** Names the ontology's own prefix must not take. */
export const JSONLD_TERM_NAMES: ReadonlySet<string> = new Set(TERMS.map((t) => t.term));

/**
 * Compact JSON-LD: an inline @context (prefixes, sh: as the vocabulary, and the terms above), then one node object
 * per subject in @graph. Nothing needs fetching to read it back, and any JSON-LD 1.1 processor reads the same triples.
 */
export function writeJsonLd(graph: OntologyGraph): string {
  const prefixes: [string, string][] = [...Object.entries(NS), [graph.prefix, graph.base]];
  const compact = (iri: string): string => {
    let best: [string, string] | undefined;
    for (const p of prefixes) if (iri.startsWith(p[1]) && iri.length > p[1].length && (!best || p[1].length > best[1].length)) best = p;
    return best ? `${best[0]}:${iri.slice(best[1].length)}` : iri;
  };
  const context: Record<string, Json> = { '@vocab': NS.sh, ...Object.fromEntries(prefixes) };
  for (const t of TERMS) context[t.term] = termDefinition(t.shape, compact(t.predicate));

  const key = (predicate: string, objects: readonly RdfTerm[]): [string, Json] => {
    const term = TERM_OF.get(predicate);
    const shaped = term ? inShape(term.shape, objects, compact) : undefined;
    if (term && shaped !== undefined) return [term.term, shaped];
    // sh: terms without coercion read best as bare words (@vocab); a word the context defines must stay a CURIE.
    const local = predicate.startsWith(NS.sh) ? predicate.slice(NS.sh.length) : null;
    const name = local !== null && !(local in context) ? local : compact(predicate);
    const values = objects.map((o) => value(o, compact));
    return [name, values.length === 1 ? values[0]! : values];
  };
  const nodes = graph.nodes.map((node) => {
    const object: Record<string, Json> = { '@id': node.subject.termType === 'BlankNode' ? `_:${node.subject.value}` : compact(node.subject.value) };
    for (const [predicate, objects] of node.values) {
      if (predicate === RDF.type) {
        const types = objects.flatMap((o) => (o.termType === 'NamedNode' ? [compact(o.value)] : []));
        object['@type'] = types.length === 1 ? types[0]! : types;
      } else {
        const [name, v] = key(predicate, objects);
        object[name] = v;
      }
    }
    return object;
  });
  return `${JSON.stringify({ '@context': context, '@graph': nodes }, null, 2)}\n`;
}

function termDefinition(shape: Shape, id: string): Json {
  switch (shape) {
    case 'language':
      return { '@id': id, '@container': '@language' };
    case 'iri':
      return { '@id': id, '@type': '@id' };
    case 'iriList':
      return { '@id': id, '@type': '@id', '@container': '@list' };
    case 'list':
      return { '@id': id, '@container': '@list' };
    case 'json':
      return { '@id': id, '@type': '@json' };
  }
}

/** The values in the term's shape, or undefined when they don't fit it (then they are written in full). */
function inShape(shape: Shape, objects: readonly RdfTerm[], compact: (iri: string) => string): Json | undefined {
  const only = objects.length === 1 ? objects[0]! : undefined;
  switch (shape) {
    case 'language': {
      const languages = objects.map((o) => (o.termType === 'Literal' ? o.language : ''));
      if (languages.includes('') || new Set(languages).size !== languages.length) return undefined;
      return Object.fromEntries(objects.map((o, i) => [languages[i]!, (o as Extract<RdfTerm, { termType: 'Literal' }>).value]));
    }
    case 'iri': {
      const iris = objects.flatMap((o) => (o.termType === 'NamedNode' ? [compact(o.value)] : []));
      if (iris.length !== objects.length) return undefined;
      return iris.length === 1 ? iris[0]! : iris;
    }
    case 'iriList':
    case 'list': {
      if (only?.termType !== 'List') return undefined;
      const wanted = shape === 'iriList' ? 'NamedNode' : 'Literal';
      if (!only.items.every((i) => i.termType === wanted && (i.termType !== 'Literal' || (i.datatype === XSD.string && !i.language)))) return undefined;
      return only.items.map((i) => (i.termType === 'NamedNode' ? compact(i.value) : (i as Extract<RdfTerm, { termType: 'Literal' }>).value));
    }
    case 'json':
      return only?.termType === 'Literal' && only.datatype === RDF.JSON ? (JSON.parse(only.value) as Json) : undefined;
  }
}

function value(term: RdfTerm, compact: (iri: string) => string): Json {
  switch (term.termType) {
    case 'NamedNode':
      return { '@id': compact(term.value) };
    case 'BlankNode':
      return { '@id': `_:${term.value}` };
    case 'List':
      return { '@list': term.items.map((i) => value(i, compact)) };
    case 'Literal':
      if (term.language) return { '@value': term.value, '@language': term.language };
      if (term.datatype === XSD.string) return term.value;
      if (term.datatype === XSD.boolean) return term.value === 'true';
      if (term.datatype === XSD.integer && /^-?\d{1,15}$/.test(term.value)) return Number(term.value);
      if (term.datatype === RDF.JSON) return { '@value': JSON.parse(term.value) as Json, '@type': '@json' };
      return { '@value': term.value, '@type': compact(term.datatype) };
  }
}
