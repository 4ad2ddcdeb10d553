import { expect, it } from 'vitest';
import type { System } from '../composition/composition-root';
import { forEachStack } from '../write-path/support/test-stacks.int-support';

const ada = { id: 'ada@spice.local' };
const grace = { id: 'grace@spice.local' };

forEachStack('live proposals', (stack) => {
  it('the proposals token moves with every comment, approval, branch edit and merge, and only then', async () => {
    const watcher = await stack.open();
    // On the real stack the changes come from a second system, as from another process: the watcher must see
    // them through the stores. The embedded default is one process by design (one PGlite instance).
    const writer: System = stack.kind === 'real' ? await stack.open() : watcher;
    const ontologyId = `live-${stack.run}`
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .slice(0, 60);
    const main = { ontologyId, branch: 'main' };
    const dev = { ontologyId, branch: 'dock' };

    const tokens: string[] = [await watcher.ontology.proposalsToken(ontologyId)];
    const expectMoved = async (what: string) => {
      const token = await watcher.ontology.proposalsToken(ontologyId);
      expect(tokens, `the token after: ${what}`).not.toContain(token);
      tokens.push(token);
    };
    const expectStill = async () =>
      expect(await watcher.ontology.proposalsToken(ontologyId)).toBe(tokens.at(-1));

    await writer.ontology.createOntology({ ontologyId, displayName: 'Harbour' }, ada);
    await expectMoved('the ontology was created');
    const { id } = await writer.ontology.defineEntity(
      main,
      'objectType',
      {
        apiName: 'Ship',
        displayName: 'Ship',
        properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true }],
        primaryKey: 'imo',
      },
      ada,
    );
    await expectMoved('main changed');
    await expectStill();

    await writer.ontology.createBranch(ontologyId, { branch: dev.branch }, ada);
    await expectMoved('a branch was made');
    await writer.ontology.updateEntity(
      dev,
      'objectType',
      { id, expectedSeq: 1, patch: { displayName: 'Vessel' } },
      ada,
    );
    await expectMoved('the branch changed');
    await writer.ontology.openProposal(dev, { title: 'Vessels' }, ada);
    await expectMoved('a proposal was opened');
    await expectStill();
    await writer.ontology.commentOnProposal(dev, { body: 'Barges too?' }, grace);
    await expectMoved('a comment');
    await writer.ontology.approveProposal(dev, grace);
    await expectMoved('an approval');
    await expectStill();
    await writer.ontology.mergeProposal(dev, {}, grace);
    await expectMoved('the merge');
    expect((await watcher.ontology.proposal(dev)).status).toBe('merged');
  });
});
