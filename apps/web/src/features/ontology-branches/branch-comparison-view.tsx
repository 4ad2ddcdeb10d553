'use client';

import type { BranchComparison } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/panel';
import { EntityDiffList } from './entity-diff-list';

/**
 * A branch against main: what the branch changed, what main changed meanwhile, and where the two collide.
 * Conflicts are marked on both sides so the reader sees the two versions of the same field.
 */
export function BranchComparisonView({
  comparison,
  stacked = false,
  showMain = true,
  onComment,
}: {
  comparison: BranchComparison;
  /** One above the other, for narrow places such as beside a review sidebar. */
  stacked?: boolean;
  /** False once the branch is merged or closed: main's changes since then include the merge itself. */
  showMain?: boolean;
  onComment?: (about: string, what: string) => void;
}) {
  const { changes, mainChanges, conflicts } = comparison;
  return (
    <div className={stacked ? 'space-y-3' : 'grid min-h-0 gap-3 xl:grid-cols-2'}>
      <Panel
        title="Changed on this branch"
        meta={`${changes.length} ${changes.length === 1 ? 'entity' : 'entities'}`}
        actions={
          conflicts.length > 0 ? (
            <Badge tone="red" dot>{`${conflicts.length} in conflict with main`}</Badge>
          ) : null
        }
      >
        <EntityDiffList
          label="Changes on this branch"
          diffs={changes}
          conflicts={conflicts}
          emptyText="Nothing changed on this branch yet."
          onComment={onComment}
        />
      </Panel>
      {showMain ? (
        <Panel
          title="Changed on main since the branch was made"
          meta={`${mainChanges.length} ${mainChanges.length === 1 ? 'entity' : 'entities'}`}
        >
          <EntityDiffList
            label="Changes on main"
            diffs={mainChanges}
            conflicts={conflicts}
            emptyText="Main has not changed since this branch was made."
          />
        </Panel>
      ) : null}
    </div>
  );
}
