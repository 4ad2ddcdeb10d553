import { z } from 'zod';

/**
 * A number in a GET input: tRPC clients send a number, REST query strings send text. trpc-to-openapi takes
 * only string-like query fields once bundled (its `'coerce' in z` check sees a tree-shaken zod), and a
 * preprocess pipe counts as one, so the text is turned into a number here instead of by z.coerce.
 */
export const queryNumber = <T extends z.ZodNumber>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), schema);
