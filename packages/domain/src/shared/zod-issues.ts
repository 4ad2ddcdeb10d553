import type { z } from 'zod';
import { invalid, type DomainError } from './errors';

/** Turns a zod failure into the one invalid-input DomainError, one issue per field path. */
export function invalidInput(code: string, error: z.ZodError): DomainError {
  return invalid(
    code,
    'The input is not valid',
    error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message, rule: i.code })),
  );
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, code: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(code, parsed.error);
  return parsed.data;
}
