import { isDomainError, invalid, type DomainError, type FieldIssue } from '@spice/domain';

export function asDomainError(e: unknown): DomainError | null {
  return isDomainError(e) ? e : null;
}

interface SchemaIssue {
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[];
  readonly message: string;
  readonly code?: string;
  /** zod's unrecognized_keys issue names the unknown fields here, not in its path. */
  readonly keys?: readonly string[];
}

/**
 * tRPC's own input parsing fails with a zod (or standard-schema) error, or a SyntaxError for a body that is
 * not JSON; give them the DomainError shape.
 */
export function inputErrorAsDomainError(e: unknown): DomainError | null {
  if (e instanceof SyntaxError) {
    const message = `the request body is not valid JSON (${e.message})`;
    return invalid('INPUT.MALFORMED_JSON', 'The request body is not valid JSON', [{ path: '(root)', message, rule: 'json' }]);
  }
  if (!(e instanceof Error) || !('issues' in e) || !Array.isArray(e.issues)) return null;
  const issues = (e.issues as SchemaIssue[]).flatMap(toFieldIssues);
  return invalid('INPUT.INVALID', 'The input is not valid', issues);
}

function toFieldIssues(issue: SchemaIssue): FieldIssue[] {
  const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p));
  const rule = issue.code ? { rule: issue.code } : {};
  if (issue.code === 'unrecognized_keys' && issue.keys?.length)
    return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: `unknown field "${key}"`, ...rule }));
  return [{ path: path.join('.') || '(root)', message: issue.message, ...rule }];
}
