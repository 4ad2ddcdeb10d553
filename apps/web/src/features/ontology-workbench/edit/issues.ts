import type { FieldIssue } from '@spice/domain';

/** The messages for one field, and the `aria-invalid` that goes with them. */
export function issuesAt(issues: readonly FieldIssue[], path: string): string[] | undefined {
  const messages = issues.filter((i) => i.path === path).map((i) => i.message);
  return messages.length > 0 ? messages : undefined;
}

export const invalidAt = (issues: readonly FieldIssue[], path: string) => issues.some((i) => i.path === path || i.path.startsWith(`${path}.`));
