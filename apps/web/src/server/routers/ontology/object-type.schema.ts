import { z } from 'zod';
import { ZPropertyDefinition } from '@spice/domain';

/** What the workbench shows of an object type (the read model's document). */
export const ZObjectTypeRow = z.object({
  id: z.string(),
  ontologyId: z.string(),
  apiName: z.string(),
  displayName: z.string(),
  description: z.string(),
  status: z.string(),
  properties: z.array(ZPropertyDefinition).readonly(),
  primaryKey: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type ObjectTypeRow = z.infer<typeof ZObjectTypeRow>;

export const ZOntologyId = z.string().min(1);
