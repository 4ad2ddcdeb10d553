import type { TRPCDefaultErrorShape, TRPCError } from '@trpc/server';
import type { FieldIssue } from '@spice/domain';
import { asDomainError } from './as-domain-error';

export interface SpiceErrorData {
  /** The DomainError code (e.g. ONTOLOGY.INVALID_OBJECT_TYPE), or null for transport-level errors. */
  readonly domainCode: string | null;
  /** One entry per field at fault, with dotted paths (`properties.1.dataType`). */
  readonly issues: readonly FieldIssue[];
  /** Extra facts the client can act on, e.g. `currentSeq` on a conflict. */
  readonly context: Readonly<Record<string, unknown>>;
}

/** Puts the domain's code, field issues and context into every error the client receives. */
export function formatError({ shape, error }: { shape: TRPCDefaultErrorShape; error: TRPCError }) {
  const domain = asDomainError(error.cause);
  const data: SpiceErrorData = {
    domainCode: domain?.code ?? null,
    issues: domain?.issues ?? [],
    context: domain?.context ?? {},
  };
  return { ...shape, data: { ...shape.data, ...data } };
}
