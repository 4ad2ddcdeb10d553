import { z } from 'zod';
import { ZReadOptionsInput } from '../../application/dataset-ingest-service';
import type { ConnectorDefinition } from './connector.events';
import { ZConnectorSourceInput } from './connector-source';

const ZDefinitionFields = {
  name: z.string().trim().min(1, 'a connector needs a name').max(200, 'must be at most 200 characters'),
  description: z.string().max(4000, 'must be at most 4000 characters'),
  datasetId: z.string().min(1),
  branch: z.string().min(1),
  source: ZConnectorSourceInput,
  options: ZReadOptionsInput,
  schedule: z.string().trim().min(1).max(200).nullable(),
  timezone: z.string().trim().min(1).max(100),
};

export const ZCreateConnectorInput = z
  .object({
    ...ZDefinitionFields,
    description: ZDefinitionFields.description.default(''),
    branch: ZDefinitionFields.branch.default('main'),
    options: ZDefinitionFields.options.default({ badRows: 'fail' }),
    schedule: ZDefinitionFields.schedule.default(null),
    timezone: ZDefinitionFields.timezone.default('UTC'),
    /** false: created paused. */
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateConnectorInput = z.input<typeof ZCreateConnectorInput>;

/** Any fields to change; `expectedSeq` (the connector's seq as the editor saw it) refuses an edit of a stale copy. */
export const ZUpdateConnectorInput = z
  .object({
    name: ZDefinitionFields.name.optional(),
    description: ZDefinitionFields.description.optional(),
    datasetId: ZDefinitionFields.datasetId.optional(),
    branch: ZDefinitionFields.branch.optional(),
    source: ZDefinitionFields.source.optional(),
    options: ZDefinitionFields.options.optional(),
    schedule: ZDefinitionFields.schedule.optional(),
    timezone: ZDefinitionFields.timezone.optional(),
    expectedSeq: z.number().int().nonnegative().optional(),
  })
  .strict();
export type UpdateConnectorInput = z.input<typeof ZUpdateConnectorInput>;

type Guarded = { readonly expectedSeq?: number };

export type ConnectorCommand =
  | { readonly type: 'CreateConnector'; readonly data: { readonly connectorId: string; readonly definition: ConnectorDefinition; readonly enabled: boolean } }
  | { readonly type: 'UpdateConnector'; readonly data: Guarded & { readonly changes: Partial<ConnectorDefinition> } }
  | { readonly type: 'PauseConnector'; readonly data: Guarded }
  | { readonly type: 'ResumeConnector'; readonly data: Guarded }
  | { readonly type: 'DeleteConnector'; readonly data: Guarded };
