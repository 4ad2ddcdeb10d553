'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { Checkbox } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel } from '@/components/ui/panel';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatUtc } from '@/lib/format-time';
import { useDatasetScope } from '../model/dataset-context';
import { connectorPath, datasetPath, diffPath, withRef } from '../model/dataset-paths';
import type { DatasetVersion } from '../model/dataset-types';
import { formatCount } from '../model/format-count';
import { lineage, shortId } from '../model/resolve-ref';
import { useRevert } from './use-revert';

/**
 * The versions, newest first: the current branch's history by default, or every branch's. Tick two to compare
 * them; "Revert to this" commits an earlier version's content on top of the current branch.
 */
export function HistoryTab() {
  const { datasetId, view, ref, branch, ordinal } = useDatasetScope();
  const router = useRouter();
  const [allBranches, setAllBranches] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const revert = useRevert(datasetId);
  const versions = allBranches || !branch ? view.versions : lineage(view, branch.head);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s.slice(-1), id]));
  const compare = () => {
    const [a, b] = [...selected].sort((x, y) => ordinal(x) - ordinal(y));
    router.push(diffPath(datasetId, a!, b!, [], ref));
  };
  const label = (v: DatasetVersion) => `v${ordinal(v.versionId)}`;

  return (
    <div className="flex min-h-0 flex-1 flex-col p-3">
      <Panel
        title={allBranches || !branch ? 'All versions' : `History of ${branch.name}`}
        meta={`${versions.length}`}
        className="min-h-0 flex-1"
        actions={
          <>
            <label className="flex items-center gap-1 text-xs text-zinc-600">
              <Checkbox checked={allBranches} onChange={(e) => setAllBranches(e.target.checked)} /> All branches
            </label>
            <Button size="sm" variant="primary" disabled={selected.length !== 2} onClick={compare}>
              Compare selected ({selected.length}/2)
            </Button>
          </>
        }
      >
        {versions.length === 0 ? (
          <EmptyState title="No versions yet">Each upload you commit and each revert becomes a version here.</EmptyState>
        ) : (
          <Table aria-label="Versions">
            <THead>
              <tr>
                <TH className="w-8">
                  <span className="sr-only">Select</span>
                </TH>
                <TH>Version</TH>
                <TH>Message</TH>
                <TH>Author</TH>
                <TH>Committed</TH>
                <TH>Branch</TH>
                <TH className="text-right">Rows</TH>
                <TH>Source</TH>
                <TH className="text-right">Skipped rows</TH>
                <TH className="w-56">
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {versions.map((v) => {
                const isHead = branch?.head === v.versionId;
                return (
                  <TR key={v.versionId} selected={selected.includes(v.versionId)} data-version={v.versionId}>
                    <TD>
                      <Checkbox aria-label={`Select ${label(v)}`} checked={selected.includes(v.versionId)} onChange={() => toggle(v.versionId)} />
                    </TD>
                    <TD>
                      <span className="font-medium">{label(v)}</span> <span className="font-mono text-2xs text-zinc-500" title={v.versionId}>{shortId(v.versionId)}</span>{' '}
                      {isHead ? <Badge tone="green">head</Badge> : null}
                      {v.revertOf ? <Badge tone="violet">revert of v{ordinal(v.revertOf)}</Badge> : null}
                    </TD>
                    <TD className="max-w-72 truncate" title={v.message}>
                      {v.message}
                    </TD>
                    <TD>{v.author}</TD>
                    <TD className="text-zinc-600">{formatUtc(v.committedAt)}</TD>
                    <TD className="font-mono text-xs">{v.branch}</TD>
                    <TD className="text-right">{formatCount(v.rowCount)}</TD>
                    <TD className="max-w-48 truncate text-zinc-600" title={v.source.fileName ?? v.source.kind}>
                      {v.source.connectorId ? (
                        <Link href={connectorPath(datasetId, v.source.connectorId)} className="text-accent-700 hover:underline" title={`Fetched by connector ${v.source.connectorId}: open it`}>
                          {v.source.fileName ?? v.source.connectorId}
                        </Link>
                      ) : (
                        (v.source.fileName ?? v.source.kind)
                      )}
                    </TD>
                    <TD className="text-right">{v.skippedRows ? <span className="text-amber-700">{formatCount(v.skippedRows)}</span> : '0'}</TD>
                    <TD>
                      {confirming === v.versionId && branch ? (
                        <ConfirmActions
                          size="sm"
                          pending={revert.pending}
                          groupLabel={`Confirm reverting ${branch.name}`}
                          onConfirm={() => revert.run({ branch: branch.name, toVersionId: v.versionId, label: label(v), expectedHead: branch.head }, () => setConfirming(null))}
                          onCancel={() => setConfirming(null)}
                        >
                          Revert {branch.name} to {label(v)}
                        </ConfirmActions>
                      ) : (
                        <span className="flex items-center gap-1">
                          <Button size="sm" variant="ghost" onClick={() => router.push(withRef(datasetPath(datasetId), v.versionId))}>
                            View
                          </Button>
                          <Button size="sm" variant="ghost" disabled={!branch || isHead} title={isHead ? 'This is the head already' : undefined} onClick={() => setConfirming(v.versionId)}>
                            Revert to this
                          </Button>
                        </span>
                      )}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </Panel>
    </div>
  );
}
