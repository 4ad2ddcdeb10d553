import type { FieldIssue } from '../../shared/errors';

/** Words that clash with the API surface or the query language and so can't be apiNames. */
export const RESERVED_API_NAMES = new Set(
  ['object', 'objects', 'ontology', 'link', 'links', 'property', 'properties', 'type', 'types', 'id', 'rid', 'primarykey', 'title', 'select', 'from', 'where', 'null', 'true', 'false', 'interface', 'interfaces', 'version'].map(
    (w) => w.toLowerCase(),
  ),
);

export type NameStyle = 'PascalCase' | 'camelCase';

const PATTERNS: Record<NameStyle, { re: RegExp; rule: string }> = {
  PascalCase: { re: /^[A-Z][A-Za-z0-9]{0,99}$/, rule: 'must start with an upper-case letter and contain only letters and digits (PascalCase, at most 100 characters)' },
  camelCase: { re: /^[a-z][A-Za-z0-9]{0,99}$/, rule: 'must start with a lower-case letter and contain only letters and digits (camelCase, at most 100 characters)' },
};

export function apiNameIssues(apiName: string, style: NameStyle, path: string): FieldIssue[] {
  if (!PATTERNS[style].re.test(apiName)) return [{ path, rule: 'naming', message: PATTERNS[style].rule }];
  if (RESERVED_API_NAMES.has(apiName.toLowerCase())) return [{ path, rule: 'reserved', message: `"${apiName}" is a reserved word` }];
  return [];
}

export function displayNameIssues(displayName: string, path: string): FieldIssue[] {
  return displayName.trim().length === 0 ? [{ path, rule: 'required', message: 'must not be empty' }] : [];
}

/** Issues for repeated names in a list, compared without case; the first keeps the name. */
export function duplicateNameIssues(names: readonly string[], pathOf: (i: number) => string, what: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const earlier = seen.get(name.toLowerCase());
    if (earlier === undefined) seen.set(name.toLowerCase(), i);
    else issues.push({ path: pathOf(i), rule: 'unique', message: `duplicates ${what} "${names[earlier]}" (${pathOf(earlier)})` });
  });
  return issues;
}
