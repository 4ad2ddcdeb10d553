import type { z } from 'zod';
import { rdfPath, type ImportIssues } from './import-issues';
import { RESERVED_API_NAMES } from '../rules/naming.rules';
import { camelCase, humanised, localName, pascalCase } from './names';
import type { RdfNode } from './rdf-graph';
import { RdfNodeReader } from './rdf-node-reader';
import { curie, OWL, RDFS, SH } from './vocabulary';

/** An object type or interface as the rest of the graph refers to it. */
export interface TypeRef {
  readonly kind: 'objectType' | 'interface';
  readonly apiName: string;
  readonly where: string;
}

/** Classes that mean "anything": a property with such a domain belongs to no type in particular. */
const UNIVERSAL = new Set<string>([OWL.Thing, RDFS.Resource]);

/** The graph read once: a reader per subject, the classes, and the domain and range of each property. */
export class RdfGraphIndex {
  readonly readers: readonly RdfNodeReader[];
  readonly byKey: ReadonlyMap<string, RdfNodeReader>;
  /** Object types and interfaces by IRI. */
  readonly types: ReadonlyMap<string, TypeRef>;
  private readonly classesCache = new Map<string, TypeRef[] | null>();

  constructor(
    nodes: readonly RdfNode[],
    readonly issues: ImportIssues,
  ) {
    this.readers = nodes.map((n) => new RdfNodeReader(n, issues));
    this.byKey = new Map(this.readers.map((r) => [r.where, r]));
    this.types = new Map(
      this.readers
        .filter((r) => r.node.subject.termType === 'NamedNode' && r.is(OWL.Class, RDFS.Class))
        .map((c) => [c.where, { kind: c.is(SH.Interface) ? 'interface' : 'objectType', apiName: apiNameOf(c, 'PascalCase'), where: c.where }]),
    );
  }

  /**
   * The types a domain or range names: named classes, or the members of an owl:unionOf; owl:Thing names none.
   * Null when one of them is not described in the document (an issue, reported once, says which).
   */
  classesAt(r: RdfNodeReader, predicate: string): TypeRef[] | null {
    const key = `${r.where} ${predicate}`;
    if (!this.classesCache.has(key)) this.classesCache.set(key, this.findClasses(r, predicate));
    return this.classesCache.get(key)!;
  }

  private findClasses(r: RdfNodeReader, predicate: string): TypeRef[] | null {
    const found: TypeRef[] = [];
    let missing = false;
    const named = (iri: string) => {
      if (UNIVERSAL.has(iri)) return;
      const ref = this.types.get(iri);
      if (ref) found.push(ref);
      else {
        missing = true;
        r.issue(predicate, 'missing-class', `${curie(iri)} is not a class described in this document`);
      }
    };
    for (const v of r.values(predicate)) {
      const union = v.termType === 'BlankNode' ? this.byKey.get(`_:${v.value}`)?.list(OWL.unionOf) : undefined;
      if (v.termType === 'NamedNode') named(v.value);
      else if (union) for (const member of union) if (member.termType === 'NamedNode') named(member.value);
      else {
        missing = true;
        r.issue(predicate, 'class', 'must name a class (or an owl:unionOf of named classes)');
      }
    }
    return missing ? null : found;
  }
}

/**
 * sh:apiName when our export wrote it, else made from the IRI's local name. A made-up name that is a reserved word
 * (`title`, `id`, `Object`…, common in other ontologies) gets a suffix instead of failing the whole import.
 */
export function apiNameOf(r: RdfNodeReader, style: 'PascalCase' | 'camelCase'): string {
  const given = r.literal(SH.apiName);
  if (given !== undefined) return given;
  const made = (style === 'PascalCase' ? pascalCase : camelCase)(localName(r.where));
  return RESERVED_API_NAMES.has(made.toLowerCase()) ? `${made}${style === 'PascalCase' ? 'Type' : 'Value'}` : made;
}

/** The display name: the English label, else one made from the IRI's local name. */
export const displayNameOf = (r: RdfNodeReader, label: string | undefined): string => label ?? humanised(localName(r.where));

/** Parses one definition; its issues name the subject and the field at fault. */
export function parseAt<S extends z.ZodType>(r: RdfNodeReader, schema: S, input: unknown): z.infer<S> | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  r.issues.addZod(parsed.error, (path) => rdfPath(r.where, path || undefined));
  return null;
}
