'use client';

import type { MergeConflict, ProposalView } from '@spice/domain';
import { useState } from 'react';
import { conflictKey, mergeConflictLists, resolutionsFor, type Side } from './conflict-key';

export interface MergeChoices {
  /** Every conflict the merge must settle: the live comparison's, plus any a refused merge just named. */
  readonly conflicts: readonly MergeConflict[];
  readonly chosen: ReadonlyMap<string, Side>;
  readonly unresolved: number;
  /** What to send with the merge; null while a conflict has no side chosen. */
  readonly resolutions: ReturnType<typeof resolutionsFor>;
  readonly choose: (conflict: MergeConflict, side: Side) => void;
  readonly refusedWith: (conflicts: readonly MergeConflict[]) => void;
}

/** The editor's side for each conflict of a proposal's merge; nothing is chosen for them. */
export function useMergeChoices(proposal: ProposalView): MergeChoices {
  const [chosen, setChosen] = useState<ReadonlyMap<string, Side>>(new Map());
  // A refused merge's conflicts count until the comparison is refetched (which then holds them itself).
  const [refused, setRefused] = useState<{
    against: ProposalView['comparison'];
    conflicts: readonly MergeConflict[];
  } | null>(null);
  const extra = refused?.against === proposal.comparison ? refused.conflicts : [];
  const conflicts =
    proposal.status === 'open' ? mergeConflictLists(proposal.comparison.conflicts, extra) : [];
  return {
    conflicts,
    chosen,
    unresolved: conflicts.filter((c) => !chosen.has(conflictKey(c))).length,
    resolutions: resolutionsFor(conflicts, chosen),
    choose: (conflict, side) => setChosen((m) => new Map(m).set(conflictKey(conflict), side)),
    refusedWith: (found) => setRefused({ against: proposal.comparison, conflicts: found }),
  };
}
