import { describe, expect, it } from 'vitest';
import { ontologyCreated, stateAfter, type GivenEvent } from '../../testing/ontology-spec';
import { entityHistory } from '../entity-history';
import type { RecordedOntologyEvent } from '../ontology.events';
import { upcastLinkType } from './link-type.upcast';

/** A link type as event schema version 2 stored it: no translations on the ends, a translated name on the link type. */
const storedV2 = {
  linkTypeId: 'lt_calls',
  apiName: 'callsAt',
  description: 'Where ships call',
  sourceObjectType: 'Ship',
  targetObjectType: 'Port',
  cardinality: 'many-to-many',
  forward: { apiName: 'ports', displayName: 'Ports' },
  reverse: { apiName: 'ships', displayName: 'Ships' },
  relationship: null,
  status: 'experimental',
  translations: {
    ko: { displayName: '기항지', pluralDisplayName: '기항지들', description: '선박이 들르는 곳' },
    ja: { displayName: '寄港地' },
  },
};

const given = (...events: GivenEvent[]) => stateAfter([ontologyCreated, ...events]);

describe('link types stored before their ends had translations', () => {
  it('load with the translated name on the forward end and the description on the link type', () => {
    const state = given({ type: 'LinkTypeDefined', data: storedV2 });
    const definition = state.entities.linkType.get('lt_calls')!.definition;
    expect(definition.forward).toEqual({
      apiName: 'ports',
      displayName: 'Ports',
      translations: { ko: { displayName: '기항지' }, ja: { displayName: '寄港地' } },
    });
    expect(definition.reverse).toEqual({ apiName: 'ships', displayName: 'Ships', translations: {} });
    expect(definition.translations).toEqual({ ko: { description: '선박이 들르는 곳' } });
  });

  it('load as they were when they had no translations at all', () => {
    const state = given({ type: 'LinkTypeDefined', data: { ...storedV2, translations: {} } });
    const definition = state.entities.linkType.get('lt_calls')!.definition;
    expect([
      definition.forward.translations,
      definition.reverse.translations,
      definition.translations,
    ]).toEqual([{}, {}, {}]);
  });

  it('load the same from a branch’s starting snapshot', () => {
    const { linkTypeId, ...definition } = storedV2;
    const state = stateAfter([
      {
        type: 'BranchCreated',
        data: {
          ontologyId: 'demo',
          branch: 'dev',
          fromBranch: 'main',
          fromSeq: 1,
          entities: [
            {
              kind: 'linkType',
              id: linkTypeId,
              definition,
              changedBy: 'ada',
              changedAt: '2025-01-01T00:00:00.000Z',
            },
          ],
        },
      } as GivenEvent,
    ]);
    expect(state.entities.linkType.get('lt_calls')!.definition.forward.translations).toEqual({
      ko: { displayName: '기항지' },
      ja: { displayName: '寄港地' },
    });
  });

  it('show no change in history where a later version only restated them in the new shape', () => {
    const at = (sequenceNumber: number) => ({
      sequenceNumber,
      actor: 'ada',
      occurredAt: `2025-01-0${sequenceNumber}T00:00:00.000Z`,
    });
    const events: RecordedOntologyEvent[] = [
      { type: 'LinkTypeDefined', data: storedV2, metadata: at(1) },
      {
        type: 'LinkTypeUpdated',
        data: { ...upcastLinkType(storedV2), description: 'Ports of call' },
        metadata: at(2),
      },
    ];
    expect(entityHistory(events, 'linkType', 'lt_calls').map((v) => v.fields)).toEqual([
      [],
      [{ path: 'description', change: 'changed', before: 'Where ships call', after: 'Ports of call' }],
    ]);
  });

  it('keep an end’s own translated name over the one the link type had', () => {
    const both = {
      ...storedV2,
      forward: { ...storedV2.forward, translations: { ko: { displayName: '항구들' } } },
    };
    expect((upcastLinkType(both).forward as { translations: unknown }).translations).toEqual({
      ko: { displayName: '항구들' },
      ja: { displayName: '寄港地' },
    });
  });

  it('leave a link type in the current shape as it is', () => {
    const current = upcastLinkType(storedV2);
    expect(upcastLinkType(current)).toBe(current);
  });
});
