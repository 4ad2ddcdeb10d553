import { TRPCClientError } from '@trpc/client';
import type { FieldIssue } from '@spice/domain';
import type { AppRouter } from '@/server/routers/app.router';

export interface DescribedError {
  readonly title: string;
  readonly message: string;
  /** The tRPC code (BAD_REQUEST, CONFLICT, …) or null when the request never got an answer. */
  readonly code: string | null;
  readonly domainCode: string | null;
  readonly issues: readonly FieldIssue[];
  readonly context: Readonly<Record<string, unknown>>;
}

const TITLE_BY_CODE: Record<string, string> = {
  BAD_REQUEST: 'Check the highlighted fields',
  UNAUTHORIZED: 'Sign in to continue',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Changed by someone else first',
  PRECONDITION_FAILED: 'Not possible right now',
  SERVICE_UNAVAILABLE: 'A backend component is unavailable',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server',
};

/** The one way the workbench turns any failed call into words and field issues. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof TRPCClientError) {
    const e = error as TRPCClientError<AppRouter>;
    const code = e.data?.code ?? null;
    return {
      title: (code && TITLE_BY_CODE[code]) ?? 'Request failed',
      message: e.message,
      code,
      domainCode: e.data?.domainCode ?? null,
      issues: e.data?.issues ?? [],
      context: e.data?.context ?? {},
    };
  }
  return {
    title: 'Request failed',
    message: error instanceof Error ? error.message : String(error),
    code: null,
    domainCode: null,
    issues: [],
    context: {},
  };
}

/** Field issues keyed by dotted path, for forms that show each next to its field. */
export function issuesByPath(issues: readonly FieldIssue[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message]);
  return byPath;
}
