import { describe, expect, it } from 'vitest';
import { ZBranchComparison } from './branches/branch-comparison';
import { diffOntologies } from './branches/ontology-diff';
import { planMerge } from './branches/three-way-merge';
import { applied, richOntology } from './interchange/interchange.fixture';
import { objectTypePageView } from './object-type-page.view';
import { branchHeaderView, ontologyView } from './ontology.view';
import { ZBranchHeaderView, ZObjectTypePageView, ZOntologyView } from './ontology.view.schema';

const rich = richOntology();
const renamed = (displayName: string) =>
  applied(rich, { type: 'ApplyChanges', data: { changes: [{ op: 'update', kind: 'objectType', id: 'ot_1', expectedSeq: null, patch: { displayName } }], acknowledgeBreakingChanges: false, origin: { kind: 'edit' } } });

describe('the read views’ schemas', () => {
  it('take the views as the domain builds them, unchanged', () => {
    const view = ontologyView(rich);
    expect(ZOntologyView.parse(view)).toEqual(view);
    expect(ZBranchHeaderView.parse(branchHeaderView(rich))).toEqual(branchHeaderView(rich));
    const page = objectTypePageView(rich, rich, 'ot_3');
    expect(ZObjectTypePageView.parse(page)).toEqual(page);
  });

  it('take a branch comparison with its diffs typed by kind and its conflicts', () => {
    const head = renamed('Firm');
    const main = renamed('Corporation');
    const comparison = { changes: diffOntologies(rich, head), mainChanges: diffOntologies(rich, main), conflicts: planMerge(rich, head, main).conflicts };
    expect(comparison.conflicts.map((c) => [c.apiName, c.path, c.branch, c.main])).toEqual([['Company', 'displayName', 'Firm', 'Corporation']]);
    expect(ZBranchComparison.parse(comparison)).toEqual(comparison);
  });

  it('refuse what the views never hold', () => {
    const view = ontologyView(rich);
    const linkAsObjectType = { ...view, entities: { ...view.entities, objectType: [view.entities.linkType[0]] } };
    expect(ZOntologyView.safeParse(linkAsObjectType).success).toBe(false);
    const diff = diffOntologies(rich, renamed('Firm'))[0]!;
    expect(ZBranchComparison.safeParse({ changes: [{ ...diff, kind: 'linkType' }], mainChanges: [], conflicts: [] }).success).toBe(false);
  });
});
