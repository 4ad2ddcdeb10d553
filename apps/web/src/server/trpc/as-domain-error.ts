import { isDomainError, invalid, type DomainError, type FieldIssue } from '@spice/domain';

export function asDomainError(e: unknown): DomainError | null {
  return isDomainError(e) ? e : null;
}

interface SchemaIssue {
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[];
  readonly message: string;
  readonly code?: string;
}

/** tRPC's own input parsing fails with a zod (or standard-schema) error; give it the DomainError shape. */
export function inputErrorAsDomainError(e: unknown): DomainError | null {
  if (!(e instanceof Error) || !('issues' in e) || !Array.isArray(e.issues)) return null;
  const issues = (e.issues as SchemaIssue[]).map(toFieldIssue);
  return invalid('INPUT.INVALID', 'The input is not valid', issues);
}

function toFieldIssue(issue: SchemaIssue): FieldIssue {
  const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
  return { path: path || '(root)', message: issue.message, ...(issue.code ? { rule: issue.code } : {}) };
}
