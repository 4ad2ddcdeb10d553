import type { z } from 'zod';
import { invalid, type DomainError, type FieldIssue } from '../../shared/errors';
import type { InterchangeFormat } from './ontology-document';

export const IMPORT_INVALID = 'ONTOLOGY.IMPORT_INVALID';

const FORMAT_LABEL: Record<InterchangeFormat, string> = { json: 'JSON', jsonld: 'JSON-LD', turtle: 'Turtle' };

/** Everything wrong with a document, each issue naming where (a JSON path or a subject IRI) and which rule. */
export class ImportIssues {
  private readonly found: FieldIssue[] = [];

  add(path: string, rule: string, message: string): void {
    this.found.push({ path, rule, message });
  }

  /** A zod failure inside the document: its paths are appended to `at` (a JSON path, or an IRI and a space). */
  addZod(error: z.ZodError, at: (path: string) => string): void {
    for (const i of error.issues) this.add(at(i.path.map(String).join('.')), i.code, i.message);
  }

  get any(): boolean {
    return this.found.length > 0;
  }

  error(format: InterchangeFormat): DomainError {
    return invalid(IMPORT_INVALID, `The ${FORMAT_LABEL[format]} document is not an ontology we can import`, [...this.found], { format });
  }
}

/** Where an issue is in an RDF document: the subject, and the predicate or the definition field at fault. */
export const rdfPath = (subject: string, detail?: string): string => (detail ? `${subject} ${detail}` : subject);

/** apiNames each kind's namespace must hold once (object types and interfaces share one), compared without case. */
export function apiNameClashes(entities: readonly { kind: string; apiName: string; where: string }[], issues: ImportIssues): void {
  const seen = new Map<string, string>();
  for (const e of entities) {
    const key = `${e.kind === 'interface' ? 'objectType' : e.kind}:${e.apiName.toLowerCase()}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, e.where);
    else issues.add(e.where, 'unique', `the apiName "${e.apiName}" is already used by ${first}`);
  }
}
