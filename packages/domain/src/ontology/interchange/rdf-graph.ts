import { stableJson } from '../../shared/stable-hash';
import { RDF, XSD } from './vocabulary';

/**
 * The small RDF model export and import share. Lists are a term of their own (not rdf:first/rdf:rest chains) so
 * the ordered parts of the ontology (properties, implemented interfaces) stay ordered through every syntax.
 */
export type RdfSubject = { readonly termType: 'NamedNode'; readonly value: string } | { readonly termType: 'BlankNode'; readonly value: string };
export type RdfTerm =
  | RdfSubject
  | { readonly termType: 'Literal'; readonly value: string; readonly datatype: string; readonly language: string }
  | { readonly termType: 'List'; readonly items: readonly RdfTerm[] };
export type RdfLiteral = Extract<RdfTerm, { termType: 'Literal' }>;

export interface RdfTriple {
  readonly subject: RdfSubject;
  readonly predicate: string;
  readonly object: RdfTerm;
}

/** One subject with its values per predicate, both in document order. */
export interface RdfNode {
  readonly subject: RdfSubject;
  readonly values: ReadonlyMap<string, readonly RdfTerm[]>;
}

export const iri = (value: string): RdfSubject => ({ termType: 'NamedNode', value });
export const blank = (value: string): RdfSubject => ({ termType: 'BlankNode', value });
export const list = (items: readonly RdfTerm[]): RdfTerm => ({ termType: 'List', items });
export const text = (value: string, language = ''): RdfLiteral => ({ termType: 'Literal', value, datatype: language ? RDF.langString : XSD.string, language });
export const typed = (value: string, datatype: string): RdfLiteral => ({ termType: 'Literal', value, datatype, language: '' });
export const bool = (value: boolean): RdfLiteral => typed(String(value), XSD.boolean);
/** JSON values as rdf:JSON literals with sorted keys, so equal values are equal literals. */
export const json = (value: unknown): RdfLiteral => typed(stableJson(value), RDF.JSON);

export const subjectKey = (s: RdfSubject): string => (s.termType === 'BlankNode' ? `_:${s.value}` : s.value);

/** Builds nodes one value at a time, keeping the order values are added in. */
export class RdfNodeBuilder {
  private readonly values = new Map<string, RdfTerm[]>();
  constructor(readonly subject: RdfSubject) {}

  add(predicate: string, ...objects: RdfTerm[]): this {
    if (objects.length === 0) return this;
    const existing = this.values.get(predicate) ?? [];
    existing.push(...objects);
    this.values.set(predicate, existing);
    return this;
  }

  build(): RdfNode {
    return { subject: this.subject, values: this.values };
  }
}

/**
 * Groups triples by subject, in order of first appearance, and folds well-formed rdf:first/rdf:rest chains
 * (as Turtle's `( … )` and explicit JSON-LD lists produce) into list terms.
 */
export function graphOf(triples: readonly RdfTriple[]): RdfNode[] {
  const bySubject = new Map<string, RdfNodeBuilder>();
  for (const t of triples) {
    const key = subjectKey(t.subject);
    let node = bySubject.get(key);
    if (!node) bySubject.set(key, (node = new RdfNodeBuilder(t.subject)));
    node.add(t.predicate, t.object);
  }
  const nodes = new Map([...bySubject].map(([k, b]) => [k, b.build()]));
  const referenced = new Map<string, number>();
  for (const t of triples) if (t.object.termType === 'BlankNode') referenced.set(t.object.value, (referenced.get(t.object.value) ?? 0) + 1);

  const consumed = new Set<string>();
  /** The items of the list starting at `term`, or null when it is not a list used exactly once. */
  const listAt = (term: RdfTerm, seen: Set<string>): RdfTerm[] | null => {
    if (term.termType === 'NamedNode' && term.value === RDF.nil) return [];
    if (term.termType !== 'BlankNode' || seen.has(term.value) || referenced.get(term.value) !== 1) return null;
    const node = nodes.get(`_:${term.value}`);
    const first = node?.values.get(RDF.first);
    const rest = node?.values.get(RDF.rest);
    const onlyListPredicates = node !== undefined && [...node.values.keys()].every((p) => p === RDF.first || p === RDF.rest || p === RDF.type);
    if (!first || !rest || first.length !== 1 || rest.length !== 1 || !onlyListPredicates) return null;
    seen.add(term.value);
    const tail = listAt(rest[0]!, seen);
    if (tail === null) return null;
    return [collapse(first[0]!), ...tail];
  };
  const collapse = (term: RdfTerm): RdfTerm => {
    const mayBeList = term.termType === 'BlankNode' || (term.termType === 'NamedNode' && term.value === RDF.nil);
    const items = mayBeList ? listAt(term, new Set()) : null;
    if (items === null) return term;
    if (term.termType === 'BlankNode') markConsumed(term.value);
    return list(items);
  };
  const markConsumed = (id: string) => {
    consumed.add(`_:${id}`);
    const rest = nodes.get(`_:${id}`)?.values.get(RDF.rest)?.[0];
    if (rest?.termType === 'BlankNode') markConsumed(rest.value);
  };

  const result: RdfNode[] = [];
  for (const node of nodes.values()) {
    const values = new Map([...node.values].map(([p, objects]) => [p, objects.map((o) => (p === RDF.first || p === RDF.rest ? o : collapse(o)))]));
    result.push({ subject: node.subject, values });
  }
  return result.filter((n) => !consumed.has(subjectKey(n.subject)));
}
