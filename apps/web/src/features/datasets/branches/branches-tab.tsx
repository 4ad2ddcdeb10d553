'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { Panel } from '@/components/ui/panel';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatUtc } from '@/lib/format-time';
import { useHotkey } from '@/lib/use-hotkey';
import { useDatasetScope } from '../model/dataset-context';
import { datasetPath, MAIN_BRANCH, withRef } from '../model/dataset-paths';
import { formatCount } from '../model/format-count';
import { shortId } from '../model/resolve-ref';
import { NewBranchPanel } from './new-branch-panel';
import { useBranchCommands } from './use-branch-commands';

/** The branches with their heads; new branch (n) from any branch or version; delete any but main. */
export function BranchesTab() {
  const { datasetId, view, ref, branch: current, ordinal } = useDatasetScope();
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const { deleteBranch, deleting } = useBranchCommands(datasetId);
  const startNew = useCallback(() => setCreating(true), []);
  useHotkey('n', startNew, !creating);
  const versions = new Map(view.versions.map((v) => [v.versionId, v]));

  return (
    <div className="flex min-h-0 flex-1 flex-col p-3">
      <Panel
        title="Branches"
        meta={`${view.branches.length}`}
        className="min-h-0 flex-1"
        actions={
          <Button size="sm" variant="primary" onClick={startNew}>
            <Icon name="plus" width={12} height={12} /> New branch <Kbd>n</Kbd>
          </Button>
        }
      >
        <Table aria-label="Branches">
          <THead>
            <tr>
              <TH>Branch</TH>
              <TH>Head</TH>
              <TH className="text-right">Rows</TH>
              <TH>Created from</TH>
              <TH>Created</TH>
              <TH className="w-64">
                <span className="sr-only">Actions</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {view.branches.map((b) => {
              const head = b.head ? versions.get(b.head) : undefined;
              const from = b.createdFrom ? versions.get(b.createdFrom) : undefined;
              return (
                <TR key={b.name} data-branch={b.name} selected={current?.name === b.name}>
                  <TD className="font-mono text-xs font-medium">
                    {b.name} {b.name === MAIN_BRANCH ? <Badge>default</Badge> : null}
                  </TD>
                  <TD>
                    {head ? (
                      <>
                        v{ordinal(head.versionId)} <span className="font-mono text-2xs text-zinc-500">{shortId(head.versionId)}</span> · {head.message}
                      </>
                    ) : (
                      <span className="text-zinc-400">no version yet</span>
                    )}
                  </TD>
                  <TD className="text-right">{head ? formatCount(head.rowCount) : '—'}</TD>
                  <TD className="text-zinc-600">{from ? `v${ordinal(from.versionId)} (${from.branch})` : (b.createdFrom ?? '—')}</TD>
                  <TD className="text-zinc-600">
                    {formatUtc(b.createdAt)} · {b.createdBy}
                  </TD>
                  <TD>
                    {confirming === b.name ? (
                      <ConfirmActions
                        size="sm"
                        pending={deleting}
                        groupLabel={`Confirm deleting branch ${b.name}`}
                        onConfirm={() =>
                          deleteBranch(b.name, () => {
                            setConfirming(null);
                            if (ref === b.name) router.push(datasetPath(datasetId, '/branches'));
                          })
                        }
                        onCancel={() => setConfirming(null)}
                      >
                        Delete {b.name}
                      </ConfirmActions>
                    ) : (
                      <span className="flex items-center gap-1">
                        <Button size="sm" variant="ghost" onClick={() => router.push(withRef(datasetPath(datasetId), b.name))}>
                          Open
                        </Button>
                        {b.name !== MAIN_BRANCH ? (
                          <Button size="sm" variant="ghost" onClick={() => setConfirming(b.name)} aria-label={`Delete branch ${b.name}`}>
                            <Icon name="trash" width={12} height={12} /> Delete
                          </Button>
                        ) : null}
                      </span>
                    )}
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      </Panel>
      <NewBranchPanel
        open={creating}
        view={view}
        from={current?.name ?? ref}
        onClose={() => setCreating(false)}
        onCreated={(name) => {
          setCreating(false);
          router.push(withRef(datasetPath(datasetId, '/branches'), name));
        }}
      />
    </div>
  );
}
