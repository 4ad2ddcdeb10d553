import { expect, it } from 'vitest';
import {
  aggregateIdKeySegment,
  isDomainError,
  MAX_AGGREGATE_ID_LENGTH,
  ONTOLOGY_AGGREGATE,
  ZEventEnvelope,
  type EventEnvelope,
} from '@spice/domain';
import type { System } from '../composition/composition-root';
import { eventuallyReadModelsMatch } from '../testing/read-model-oracle';
import { forEachStack } from './support/test-stacks.int-support';
import { startWriteWorkers } from './support/write-workers.int-support';
import { expectEveryEventAppliedOnce } from './support/registry-checks.int-support';

const MAX = MAX_AGGREGATE_ID_LENGTH;

/**
 * Must-pass 7, aggregate ids at the edges, through the event store on both object stores (local directory
 * and S3). Each group lists spellings of one id: after the one normalisation rule (NFC, surrounding blanks
 * trimmed, case kept) every spelling in a group is the same stream, and ids of different groups never share one.
 */
const SAME_ID_GROUPS: readonly (readonly string[])[] = [
  ['Vessel', '  Vessel', 'Vessel\t', '\n Vessel \r\n'],
  ['vessel'],
  ['VESSEL'],
  ['Ves sel'],
  ['Caf\u00e9', 'Cafe\u0301', ' Cafe\u0301 '],
  ['Cafe'],
  ['CAF\u00c9'],
  ['\uac00', '\u1100\u1161'],
  ['a/b'],
  ['a%2Fb'],
  ['a%2fb'],
  ['a'],
  ['b'],
  ['/'],
  ['//'],
  ['a/'],
  ['/a'],
  ['%'],
  ['%25'],
  ['100%'],
  ['%%'],
  ['.'],
  ['..'],
  ['...'],
  ['a.b'],
  ['a..b'],
  ['🚢'],
  ['🚢🚢'],
  ['👩‍👩‍👧'],
  ['x'.repeat(MAX), ` ${'x'.repeat(MAX)} `],
  ['x'.repeat(MAX - 1)],
  ['X'.repeat(MAX)],
  ['%'.repeat(MAX)],
  ['.'.repeat(MAX)],
  ['\u00e9'.repeat(MAX), 'e\u0301'.repeat(MAX)],
  ['🚢'.repeat(MAX / 2)],
  ['한'.repeat(MAX)],
];

const TOO_LONG = [
  'x'.repeat(MAX + 1),
  ` ${'x'.repeat(MAX + 1)} `,
  '\u00e9'.repeat(MAX + 1),
  '🚢'.repeat(MAX / 2) + 'x',
];

forEachStack('aggregate id edge cases', (stack) => {
  it('keeps distinct ids in distinct streams, equal ids in one, every key readable back', async () => {
    const system = await stack.open();
    const aggregateType = `wp-ids-${stack.run}`;

    for (const [group, spellings] of SAME_ID_GROUPS.entries()) {
      for (const [variant, spelling] of spellings.entries()) {
        await system.events.append({
          aggregateType,
          aggregateId: spelling,
          expectedSeq: variant,
          events: [{ eventType: 'Noted', schemaVersion: 1, payload: { group, variant } }],
          context: { commandId: `ids-${group}-${variant}`, actor: 'write-path-tester@spice.local' },
        });
      }
    }

    for (const [group, spellings] of SAME_ID_GROUPS.entries()) {
      const id = spellings[0]!.normalize('NFC').trim();
      for (const spelling of spellings) {
        const stream = await system.events.readStream(aggregateType, spelling);
        expect(
          stream.map((e) => [e.aggregateId, e.sequenceNumber, e.payload.group, e.payload.variant]),
          `the stream read as ${JSON.stringify(spelling)}`,
        ).toEqual(spellings.map((_, variant) => [id, variant + 1, group, variant]));
      }
    }

    // Every object under the type's prefix reads back, and the keys name exactly one stream per group.
    const prefix = `streams/${aggregateIdKeySegment(aggregateType)}/`;
    const keys = await listAll(system, prefix);
    const streams = new Map<string, string>();
    for (const key of keys) {
      const bytes = await system.objects.get(key);
      expect(bytes, `object ${key}`).not.toBeNull();
      const { events } = JSON.parse(new TextDecoder().decode(bytes!)) as { events: unknown[] };
      const [event] = events.map((e) => ZEventEnvelope.parse(e));
      streams.set(key.slice(0, key.lastIndexOf('/')), event!.aggregateId);
    }
    expect(keys, 'one object per append').toHaveLength(SAME_ID_GROUPS.flat().length);
    // S3 refuses keys over 1024 UTF-8 bytes (the moto server does not check, AWS does).
    expect(
      keys.filter((k) => Buffer.byteLength(k) > 1024),
      'keys longer than S3 allows',
    ).toEqual([]);
    expect(new Set(streams.values()).size, 'distinct ids in the keys').toBe(SAME_ID_GROUPS.length);
    expect(streams.size, 'distinct stream prefixes').toBe(SAME_ID_GROUPS.length);
    const ledgerKeys = (await system.events.readAll(null, 10_000))
      .filter((b) => b.events[0]!.aggregateType === aggregateType)
      .map((b) => b.streamKey);
    expect(ledgerKeys.sort(), 'the ledger records the same keys').toEqual([...keys].sort());
  });

  it('refuses ids over the limit with a clear error and appends nothing', async () => {
    const system = await stack.open();
    const aggregateType = `wp-long-${stack.run}`;
    for (const id of TOO_LONG) {
      const refused = await system.events
        .append({
          aggregateType,
          aggregateId: id,
          expectedSeq: 0,
          events: [{ eventType: 'Noted', schemaVersion: 1, payload: {} }],
          context: { commandId: `long-${id.length}`, actor: 'write-path-tester@spice.local' },
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(
        isDomainError(refused) && { code: refused.code, kind: refused.kind, message: refused.message },
        `id of ${id.length} characters`,
      ).toEqual({
        code: 'EVENT_STORE.INVALID_AGGREGATE_ID',
        kind: 'invalid',
        message: `Aggregate id is longer than ${MAX} characters`,
      });
    }
    expect(await listAll(system, `streams/${aggregateIdKeySegment(aggregateType)}/`)).toEqual([]);
  });

  it('carries edge-case ids through the relay, the bus, the registry, the read model and the search index', async () => {
    const system = await stack.open();
    const p = `ids-${stack.run}`;
    const spellings = [
      [`${p}-Vessel`],
      [`${p}-vessel`],
      [` ${p}-Cafe\u0301 `, `${p}-Caf\u00e9`],
      [`${p}/a%2Fb/../🚢`],
      [`${p}.%25.`],
      [p + '\u00e9'.repeat(MAX - p.length)],
    ];
    for (const [s, forms] of spellings.entries()) {
      for (const [i, form] of forms.entries()) {
        await system.events.append({
          aggregateType: ONTOLOGY_AGGREGATE,
          aggregateId: form,
          expectedSeq: i === 0 ? 0 : i + 1,
          events: [
            ...(i === 0
              ? [
                  {
                    eventType: 'OntologyCreated',
                    schemaVersion: 1,
                    payload: { ontologyId: form.trim(), displayName: form, description: '' },
                  },
                ]
              : []),
            {
              eventType: 'ObjectTypeDefined',
              schemaVersion: 1,
              payload: objectTypeDefined(`ot_ids_${stack.run}_${s}_${i}`, `Type${i}`),
            },
          ],
          context: { commandId: `ids-e2e-${s}-${i}`, actor: 'write-path-tester@spice.local' },
        });
      }
    }
    const ontologyIds = spellings.map((forms) => forms[0]!.normalize('NFC').trim());
    const workers = await startWriteWorkers(system, { topic: stack.topic, groupId: stack.groupId });
    await eventuallyReadModelsMatch(system, ontologyIds);
    await workers.stop();
    expect(
      (await system.ontology.listObjectTypes(ontologyIds[2]!)).map((t) => t.apiName).sort(),
      'both spellings reached one ontology',
    ).toEqual(['Type0', 'Type1']);
    await expectEveryEventAppliedOnce(system);
  });
});

async function listAll(system: System, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for (;;) {
    const page = await system.objects.list(prefix, {
      ...(keys.length ? { startAfter: keys.at(-1)! } : {}),
      limit: 1000,
    });
    keys.push(...page);
    if (page.length < 1000) return keys;
  }
}

function objectTypeDefined(objectTypeId: string, apiName: string): EventEnvelope['payload'] {
  return {
    objectTypeId,
    apiName,
    displayName: apiName,
    description: '',
    status: 'experimental',
    properties: [],
    primaryKey: null,
  };
}
