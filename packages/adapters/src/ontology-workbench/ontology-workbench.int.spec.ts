import { expect, it } from 'vitest';
import { ONTOLOGY_AGGREGATE, type OntologyService, type OntologyView } from '@spice/domain';
import { forEachStack } from '../write-path/support/test-stacks.int-support';

const ada = { id: 'ada@spice.local' };
const grace = { id: 'grace@spice.local' };
const prop = (apiName: string, dataType: unknown = 'string', extra: Record<string, unknown> = {}) => ({ apiName, displayName: apiName, dataType, ...extra });

/** Four object types, three link types of each cardinality and an interface, as an editor builds them. */
async function buildFleet(ontology: OntologyService, ontologyId: string) {
  const main = { ontologyId, branch: 'main' };
  await ontology.createOntology({ ontologyId, displayName: 'Fleet' }, ada);
  await ontology.defineEntity(main, 'interface', { apiName: 'Located', displayName: 'Located', properties: [{ apiName: 'position', dataType: 'geopoint' }] }, ada);
  const key = (name: string, type = 'string') => prop(name, type, { required: true });
  await ontology.defineEntity(main, 'objectType', { apiName: 'Company', displayName: 'Company', properties: [key('companyId')], primaryKey: 'companyId' }, ada);
  await ontology.defineEntity(
    main,
    'objectType',
    { apiName: 'Ship', displayName: 'Ship', properties: [key('imo'), prop('tonnage', { type: 'decimal', precision: 12, scale: 2 }), prop('position', 'geopoint'), prop('ownerId')], primaryKey: 'imo', implements: ['Located'] },
    ada,
  );
  await ontology.defineEntity(main, 'objectType', { apiName: 'Port', displayName: 'Port', properties: [key('code'), prop('position', 'geopoint')], primaryKey: 'code', implements: ['Located'] }, ada);
  await ontology.defineEntity(main, 'objectType', { apiName: 'Captain', displayName: 'Captain', properties: [key('licence', 'long')], primaryKey: 'licence' }, ada);
  const link = (apiName: string, source: string, target: string, cardinality: string, forward: string, reverse: string, relationship: unknown = null) => ({
    apiName,
    sourceObjectType: source,
    targetObjectType: target,
    cardinality,
    forward: { apiName: forward, displayName: forward, translations: apiName === 'owns' ? { ko: { displayName: '선박들' } } : {} },
    reverse: { apiName: reverse, displayName: reverse, translations: apiName === 'owns' ? { ko: { displayName: '선주' } } : {} },
    relationship,
  });
  await ontology.defineEntity(main, 'linkType', link('owns', 'Company', 'Ship', 'one-to-many', 'ships', 'owner', { kind: 'foreignKey', objectType: 'Ship', property: 'ownerId' }), ada);
  await ontology.defineEntity(main, 'linkType', link('commands', 'Captain', 'Ship', 'one-to-one', 'ship', 'captain'), ada);
  await ontology.defineEntity(main, 'linkType', link('calls', 'Ship', 'Port', 'many-to-many', 'ports', 'ships', { kind: 'joinTable', sourceColumn: 'imo', targetColumn: 'code' }), ada);
  return main;
}

const byName = (view: OntologyView, apiName: string) => view.entities.objectType.find((e) => e.definition.apiName === apiName)!;
const definitions = (view: OntologyView) =>
  Object.fromEntries(Object.entries(view.entities).map(([kind, list]) => [kind, list.map((e) => e.definition)]));

forEachStack('ontology workbench', (stack) => {
  it('builds an ontology, branches it, reviews a proposal and merges it into main', async () => {
    const system = await stack.open();
    const ontologyId = `fleet-${stack.run}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
    const main = await buildFleet(system.ontology, ontologyId);
    const before = await system.ontology.model(main);
    expect(before.entities.objectType.map((e) => e.definition.apiName)).toEqual(['Captain', 'Company', 'Port', 'Ship']);
    expect(before.entities.linkType.map((e) => [e.definition.apiName, e.definition.cardinality])).toEqual([
      ['calls', 'many-to-many'],
      ['commands', 'one-to-one'],
      ['owns', 'one-to-many'],
    ]);

    await system.ontology.createBranch(ontologyId, { branch: 'berths' }, ada);
    const dev = { ontologyId, branch: 'berths' };
    const ship = byName(await system.ontology.model(dev), 'Ship');
    await system.ontology.updateEntity(dev, 'objectType', { id: ship.id, expectedSeq: ship.version, patch: { displayName: 'Vessel' } }, ada);
    expect(byName(await system.ontology.model(main), 'Ship').definition.displayName).toBe('Ship');

    // The object-type page's read: the branch's version of the type with what surrounds it, and its header.
    const shipPage = await system.ontology.objectTypePage(dev, ship.id);
    expect([shipPage.branch, shipPage.objectType.definition.displayName, shipPage.seq]).toEqual(['berths', 'Vessel', (await system.ontology.model(dev)).seq]);
    expect(shipPage.linkTypes.map((l) => [l.linkType.definition.apiName, l.source?.apiName, l.target?.apiName])).toEqual([
      ['calls', 'Ship', 'Port'],
      ['commands', 'Captain', 'Ship'],
      ['owns', 'Company', 'Ship'],
    ]);
    expect(shipPage.interfaces.map((i) => i.definition.apiName)).toEqual(['Located']);
    expect((await system.ontology.objectTypePage(main, ship.id)).objectType.definition.displayName).toBe('Ship');
    await expect(system.ontology.objectTypePage(dev, 'ot_missing')).rejects.toMatchObject({ code: 'ONTOLOGY.OBJECT_TYPE_NOT_FOUND' });
    expect(await system.ontology.branchHeader(dev)).toMatchObject({ displayName: 'Fleet', branch: 'berths', closed: false, base: { fromBranch: 'main' } });

    const comparison = await system.ontology.compareBranch(dev);
    expect(comparison.changes.map((c) => [c.apiName, c.change, c.fields.map((f) => f.path)])).toEqual([['Ship', 'changed', ['displayName']]]);
    expect(comparison.conflicts).toEqual([]);

    await system.ontology.openProposal(dev, { title: 'Call ships vessels' }, ada);
    await expect(system.ontology.mergeProposal(dev, {}, ada)).rejects.toMatchObject({ code: 'PROPOSAL.NOT_APPROVED' });
    await expect(system.ontology.approveProposal(dev, ada)).rejects.toMatchObject({ code: 'PROPOSAL.SELF_APPROVAL' });
    await system.ontology.commentOnProposal(dev, { body: 'Looks right', about: `objectType:${ship.id}` }, grace);
    await system.ontology.approveProposal(dev, grace);
    await system.ontology.mergeProposal(dev, {}, grace);

    expect(byName(await system.ontology.model(main), 'Ship').definition.displayName).toBe('Vessel');
    const proposal = await system.ontology.proposal(dev);
    expect([proposal.status, proposal.mergedBy, proposal.comments.map((c) => c.body)]).toEqual(['merged', grace.id, ['Looks right']]);
    expect((await system.ontology.model(main)).branches.find((b) => b.name === 'berths')?.status).toBe('merged');
    await expect(system.ontology.updateEntity(dev, 'objectType', { id: ship.id, expectedSeq: 2, patch: { displayName: 'X' } }, ada)).rejects.toMatchObject({ code: 'ONTOLOGY.BRANCH_CLOSED' });
  });

  it('shows a merge conflict and merges with the side the editor chose', async () => {
    const system = await stack.open();
    const ontologyId = `clash-${stack.run}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
    const main = await buildFleet(system.ontology, ontologyId);
    await system.ontology.createBranch(ontologyId, { branch: 'rename' }, ada);
    const dev = { ontologyId, branch: 'rename' };
    const onBranch = byName(await system.ontology.model(dev), 'Port');
    await system.ontology.updateEntity(dev, 'objectType', { id: onBranch.id, expectedSeq: onBranch.version, patch: { displayName: 'Harbour' } }, ada);
    const onMain = byName(await system.ontology.model(main), 'Port');
    await system.ontology.updateEntity(main, 'objectType', { id: onMain.id, expectedSeq: onMain.version, patch: { displayName: 'Seaport' } }, grace);

    const { conflicts } = await system.ontology.compareBranch(dev);
    expect(conflicts).toEqual([{ kind: 'objectType', id: onMain.id, apiName: 'Port', path: 'displayName', base: 'Port', branch: 'Harbour', main: 'Seaport' }]);
    await system.ontology.openProposal(dev, { title: 'Harbours' }, ada);
    await system.ontology.approveProposal(dev, grace);
    await expect(system.ontology.mergeProposal(dev, {}, ada)).rejects.toMatchObject({ code: 'ONTOLOGY.MERGE_CONFLICT' });
    expect(byName(await system.ontology.model(main), 'Port').definition.displayName).toBe('Seaport');
    await system.ontology.mergeProposal(dev, { resolutions: [{ kind: 'objectType', id: onMain.id, path: 'displayName', take: 'branch' }] }, ada);
    expect(byName(await system.ontology.model(main), 'Port').definition.displayName).toBe('Harbour');
  });

  it('exports JSON-LD and Turtle that import into a new ontology identical to the original', async () => {
    const system = await stack.open();
    const ontologyId = `src-${stack.run}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
    const main = await buildFleet(system.ontology, ontologyId);
    const original = definitions(await system.ontology.model(main));
    for (const format of ['jsonld', 'turtle', 'json'] as const) {
      const exported = await system.ontology.exportOntology(main, format);
      const copyId = `${format}-${ontologyId}`.slice(0, 60);
      await system.ontology.createOntology({ ontologyId: copyId, displayName: 'Copy' }, ada);
      const copy = { ontologyId: copyId, branch: 'main' };
      await system.ontology.importOntology(copy, { format, content: exported, mode: 'replace' }, ada);
      expect(definitions(await system.ontology.model(copy))).toEqual(original);
    }
  });

  it('loads what was stored at event schema version 2: link types’ translated names and deprecations without a replacement', async () => {
    const system = await stack.open();
    const ontologyId = `v2-${stack.run}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
    const v2 = (eventType: string, payload: Record<string, unknown>) => ({ eventType, schemaVersion: 2, payload });
    const ship = { objectTypeId: 'ot_ship', apiName: 'Ship', displayName: 'Ship', properties: [prop('imo', 'string', { required: true })], primaryKey: 'imo' };
    await system.events.append({
      aggregateType: ONTOLOGY_AGGREGATE,
      aggregateId: ontologyId,
      expectedSeq: 0,
      events: [
        v2('OntologyCreated', { ontologyId, displayName: 'Stored long ago', description: '' }),
        v2('ObjectTypeDefined', ship),
        v2('ObjectTypeDefined', { objectTypeId: 'ot_port', apiName: 'Port', displayName: 'Port', properties: [prop('code', 'string', { required: true })], primaryKey: 'code' }),
        v2('LinkTypeDefined', {
          linkTypeId: 'lt_calls',
          apiName: 'calls',
          sourceObjectType: 'Ship',
          targetObjectType: 'Port',
          cardinality: 'many-to-many',
          forward: { apiName: 'ports', displayName: 'Ports' },
          reverse: { apiName: 'ships', displayName: 'Ships' },
          translations: { ko: { displayName: '기항지', description: '선박이 들르는 곳' } },
        }),
        v2('ObjectTypeUpdated', { ...ship, status: 'deprecated', deprecation: { reason: 'Use Port', deadline: '2026-01-01', replacement: null } }),
      ],
      context: { commandId: `${ontologyId}-stored-at-v2`, actor: ada.id },
    });
    const main = { ontologyId, branch: 'main' };
    const stored = await system.ontology.model(main);
    expect(stored.entities.linkType.map((e) => [e.definition.forward, e.definition.reverse, e.definition.translations])).toEqual([
      [{ apiName: 'ports', displayName: 'Ports', translations: { ko: { displayName: '기항지' } } }, { apiName: 'ships', displayName: 'Ships', translations: {} }, { ko: { description: '선박이 들르는 곳' } }],
    ]);
    expect(byName(stored, 'Ship').definition.deprecation).toEqual({ reason: 'Use Port', deadline: '2026-01-01', replacement: null });
    expect(stored.issues).toMatchObject([{ kind: 'objectType', apiName: 'Ship', path: 'deprecation.replacement', message: 'name the object type that replaces this one' }]);

    // The stored issue does not block editing the type; naming the replacement clears it and protects the replacement.
    await system.ontology.updateEntity(main, 'objectType', { id: 'ot_ship', expectedSeq: 5, patch: { description: 'Old ships' } }, ada);
    await system.ontology.updateEntity(main, 'objectType', { id: 'ot_ship', expectedSeq: 6, patch: { deprecation: { reason: 'Use Port', deadline: '2026-01-01', replacement: 'Port' } } }, ada);
    expect((await system.ontology.model(main)).issues).toEqual([]);
    await expect(system.ontology.updateEntity(main, 'objectType', { id: 'ot_port', expectedSeq: 3, patch: { apiName: 'Harbour' }, acknowledgeBreakingChanges: true }, ada)).rejects.toMatchObject({
      code: 'ONTOLOGY.REFERENCED',
      message: "Object type Port can't be renamed: it is used by link type calls (target), object type Ship (deprecated; names it as the replacement)",
    });
  });

  it('applies an invalid import not at all, and keeps history with diffs and revert', async () => {
    const system = await stack.open();
    const ontologyId = `hist-${stack.run}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
    const main = await buildFleet(system.ontology, ontologyId);
    const seqBefore = (await system.ontology.model(main)).seq;
    const bad = JSON.stringify({ formatVersion: 1, ontology: { id: ontologyId, displayName: 'x' }, objectTypes: [{ apiName: 'lower', displayName: 'x' }] });
    await expect(system.ontology.importOntology(main, { format: 'json', content: bad, mode: 'merge' }, ada)).rejects.toMatchObject({ kind: 'invalid' });
    expect((await system.ontology.model(main)).seq).toBe(seqBefore);

    const captain = byName(await system.ontology.model(main), 'Captain');
    await system.ontology.updateEntity(main, 'objectType', { id: captain.id, expectedSeq: captain.version, patch: { displayName: 'Master' } }, grace);
    const history = await system.ontology.history(main, 'objectType', captain.id);
    expect(history.map((v) => [v.change, v.actor])).toEqual([
      ['defined', ada.id],
      ['updated', grace.id],
    ]);
    expect(history[1]!.fields).toEqual([{ path: 'displayName', change: 'changed', before: 'Captain', after: 'Master' }]);
    await system.ontology.revertEntity(main, 'objectType', { id: captain.id, expectedSeq: history[1]!.version, toVersion: history[0]!.version }, ada);
    expect(byName(await system.ontology.model(main), 'Captain').definition.displayName).toBe('Captain');
  });
});
