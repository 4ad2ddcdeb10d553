/**
 * The one error family. Adapters, services and the domain throw DomainError; the tRPC layer maps `kind`
 * to a transport status in exactly one place.
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'precondition' | 'unavailable';

export interface FieldIssue {
  /** Dotted path of the field at fault, e.g. `properties.2.apiName`. */
  readonly path: string;
  readonly message: string;
  readonly rule?: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly context: Readonly<Record<string, unknown>>;
  readonly issues: readonly FieldIssue[];

  constructor(args: {
    code: string;
    kind: ErrorKind;
    message: string;
    retryable?: boolean;
    context?: Record<string, unknown>;
    issues?: FieldIssue[];
    cause?: unknown;
  }) {
    super(args.message, args.cause === undefined ? undefined : { cause: args.cause });
    this.name = 'DomainError';
    this.code = args.code;
    this.kind = args.kind;
    this.retryable = args.retryable ?? args.kind === 'unavailable';
    this.context = args.context ?? {};
    this.issues = args.issues ?? [];
  }
}

/**
 * Recognises a DomainError by class or by shape: bundlers (Next.js layers) can load the class twice in one
 * process, and then `instanceof` fails across the copies.
 */
export const isDomainError = (e: unknown): e is DomainError =>
  e instanceof DomainError || (e instanceof Error && e.name === 'DomainError' && 'kind' in e && 'code' in e);

export const invalid = (code: string, message: string, issues: FieldIssue[] = [], context?: Record<string, unknown>) =>
  new DomainError({ code, kind: 'invalid', message, issues, ...(context ? { context } : {}) });

export const conflict = (code: string, message: string, context?: Record<string, unknown>) =>
  new DomainError({ code, kind: 'conflict', message, ...(context ? { context } : {}) });

export const notFound = (code: string, message: string, context?: Record<string, unknown>) =>
  new DomainError({ code, kind: 'not_found', message, ...(context ? { context } : {}) });

export const unavailable = (code: string, message: string, cause?: unknown) =>
  new DomainError({ code, kind: 'unavailable', message, retryable: true, cause });
