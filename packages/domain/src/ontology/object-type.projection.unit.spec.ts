import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../eventstore/envelope';
import { objectTypeDocId, projectObjectType, type ObjectTypeDoc } from './object-type.projection';

let seq = 0;
function envelope(eventType: string, payload: Record<string, unknown>, actor: string): EventEnvelope {
  seq += 1;
  return {
    eventId: `e${seq}`,
    commandId: `c${seq}`,
    aggregateType: 'ontology',
    aggregateId: 'demo',
    sequenceNumber: seq,
    eventType,
    schemaVersion: 1,
    occurredAt: `2025-01-01T00:00:0${seq}.000Z`,
    actor,
    payload,
    metadata: { kind: 'domain', causationId: null, correlationId: `c${seq}` },
  };
}

const properties = [{ apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true, description: '' }];

describe('object-type projection', () => {
  it('folds define, update and delete into the document, then its removal', () => {
    const created = envelope('OntologyCreated', { ontologyId: 'demo', displayName: 'Demo', description: '' }, 'ada');
    const defined = envelope(
      'ObjectTypeDefined',
      { objectTypeId: 'ot_1', apiName: 'Ship', displayName: 'Ship', description: '', status: 'experimental', properties, primaryKey: 'imo' },
      'ada',
    );
    const updated = envelope(
      'ObjectTypeUpdated',
      { objectTypeId: 'ot_1', apiName: 'Ship', displayName: 'Sea ship', description: 'Floats', properties, primaryKey: null },
      'grace',
    );
    const deleted = envelope('ObjectTypeDeleted', { objectTypeId: 'ot_1', apiName: 'Ship' }, 'grace');

    expect([created, defined, updated, deleted].map(objectTypeDocId)).toEqual([null, 'ot_1', 'ot_1', 'ot_1']);
    const afterDefine = projectObjectType(null, defined)!;
    expect(afterDefine).toMatchObject({ version: 2, createdBy: 'ada', updatedBy: 'ada', displayName: 'Ship', primaryKey: 'imo' });
    const afterUpdate = projectObjectType(afterDefine, updated);
    expect(afterUpdate).toEqual<ObjectTypeDoc>({
      ...afterDefine,
      displayName: 'Sea ship',
      description: 'Floats',
      primaryKey: null,
      version: 3,
      updatedBy: 'grace',
      updatedAt: updated.occurredAt,
    });
    expect(projectObjectType(afterUpdate, deleted)).toBeNull();
  });
});
