import { readTexts, type ReadTexts } from './display-texts';
import { rdfPath, type ImportIssues } from './import-issues';
import { subjectKey, type RdfLiteral, type RdfNode, type RdfTerm } from './rdf-graph';
import { curie, RDF, SH } from './vocabulary';

/** Typed reads of one node's values; a value of the wrong shape is an issue on the node and predicate. */
export class RdfNodeReader {
  /** The subject's IRI, or `_:b0` for a blank node: where issues point. */
  readonly where: string;
  readonly types: ReadonlySet<string>;

  constructor(
    readonly node: RdfNode,
    readonly issues: ImportIssues,
  ) {
    this.where = subjectKey(node.subject);
    this.types = new Set(this.iris(RDF.type));
  }

  is(...types: string[]): boolean {
    return types.some((t) => this.types.has(t));
  }

  values(predicate: string): readonly RdfTerm[] {
    return this.node.values.get(predicate) ?? [];
  }

  has(predicate: string): boolean {
    return this.values(predicate).length > 0;
  }

  iris(predicate: string): string[] {
    return this.values(predicate).flatMap((v) => (v.termType === 'NamedNode' ? [v.value] : []));
  }

  issue(predicate: string | null, rule: string, message: string): void {
    this.issues.add(rdfPath(this.where, predicate === null ? undefined : curie(predicate)), rule, message);
  }

  literal(predicate: string): string | undefined {
    const found = this.values(predicate)[0];
    if (found === undefined) return undefined;
    if (found.termType !== 'Literal') {
      this.issue(predicate, 'literal', 'must be a literal value');
      return undefined;
    }
    return found.value;
  }

  boolean(predicate: string): boolean | undefined {
    const value = this.literal(predicate);
    if (value === undefined) return undefined;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.issue(predicate, 'boolean', `must be true or false, not "${value}"`);
    return undefined;
  }

  /** An rdf:JSON literal's value; `undefined` when absent (JSON null is a value). */
  json(predicate: string): unknown {
    const found = this.values(predicate)[0];
    if (found === undefined) return undefined;
    if (found.termType !== 'Literal') {
      this.issue(predicate, 'json', 'must be a JSON literal');
      return undefined;
    }
    try {
      return JSON.parse(found.value) as unknown;
    } catch {
      this.issue(predicate, 'json', `is not valid JSON: ${found.value}`);
      return undefined;
    }
  }

  /** A literal that is either a bare name or JSON, as sh:dataType is written. */
  nameOrJson(predicate: string): unknown {
    const found = this.values(predicate)[0];
    return found?.termType === 'Literal' && (found as RdfLiteral).datatype === RDF.JSON ? this.json(predicate) : this.literal(predicate);
  }

  list(predicate: string): readonly RdfTerm[] | undefined {
    const found = this.values(predicate)[0];
    if (found === undefined) return undefined;
    if (found.termType !== 'List') {
      this.issue(predicate, 'list', 'must be a list');
      return undefined;
    }
    return found.items;
  }

  /** Literal items of a list, such as sh:groups. */
  literalList(predicate: string): string[] | undefined {
    return this.list(predicate)?.flatMap((item) => (item.termType === 'Literal' ? [item.value] : []));
  }

  texts(): ReadTexts {
    return readTexts(this.node.values, this.json(SH.translations));
  }
}
