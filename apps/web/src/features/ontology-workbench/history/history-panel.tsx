'use client';

import { ENTITY_LABEL, type EntityKind, type EntityVersion, type EntityView } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useBreakingChangeConfirm } from '../edit/breaking-change-dialog';
import { formatPath, formatValue } from '../edit/format-value';
import { rememberChange } from '../edit/undo-store';
import { useEntityCommands } from '../model/use-entity-commands';
import { useEntityHistory } from '../model/use-ontology-model';

const ORIGIN: Record<string, string> = { edit: 'edit', revert: 'revert', import: 'import', merge: 'merge' };

/**
 * Every version of an entity, newest first: who, when, how (edit, revert, merge, import), the fields it changed
 * (before → after) and the breaking changes it was saved with; any earlier version can be restored as a new one.
 */
export function HistoryPanel<K extends EntityKind>({ ontologyId, branch, kind, entity }: { ontologyId: string; branch: string; kind: K; entity: EntityView<K> }) {
  const history = useEntityHistory(ontologyId, branch, kind, entity.id);
  const commands = useEntityCommands(ontologyId, branch);
  const toast = useToast();
  const { withConfirm, dialog } = useBreakingChangeConfirm();

  if (history.isError) return <Callout title={describeError(history.error).title}>{describeError(history.error).message}</Callout>;
  if (!history.data) return <TableSkeleton label="Loading history" rows={4} />;
  const versions = [...history.data].reverse();
  if (versions.length === 0) return <EmptyState title="No history yet" />;

  const revertTo = async (version: EntityVersion) => {
    const apiName = entity.definition.apiName;
    try {
      const outcome = await withConfirm((acknowledgeBreakingChanges) =>
        commands.revert(kind, { id: entity.id, expectedSeq: entity.version, toVersion: version.version, acknowledgeBreakingChanges }, `Revert ${apiName} to version ${version.version}`),
      );
      if (!outcome) return;
      rememberChange({ ontologyId, branch, kind, id: entity.id, apiName, toVersion: entity.version, atSeq: outcome.sequenceNumber ?? entity.version + 1 });
      toast({ tone: 'success', title: `Reverted to version ${version.version}`, detail: `The ${ENTITY_LABEL[kind]} ${apiName} is saved as a new version; Ctrl+Z undoes it.` });
    } catch (error) {
      const d = describeError(error);
      toast({ tone: 'error', title: d.title, detail: d.message });
    }
  };

  return (
    <ol aria-label="Versions" className="space-y-2">
      {versions.map((v) => {
        const current = v.version === entity.version;
        return (
          <li key={v.version} aria-label={`Version ${v.version}`} className="rounded border border-zinc-200 bg-white">
            <div className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-3 py-1.5 text-xs">
              <span className="font-mono font-semibold text-zinc-900">v{v.version}</span>
              <Badge tone={v.change === 'deleted' ? 'red' : v.change === 'defined' ? 'green' : 'neutral'}>{v.change}</Badge>
              {v.origin.kind !== 'edit' ? (
                <Badge tone="violet">
                  {ORIGIN[v.origin.kind]}
                  {v.origin.kind === 'revert' && v.origin.detail ? ` to v${v.origin.detail}` : v.origin.detail ? ` ${v.origin.detail}` : ''}
                </Badge>
              ) : null}
              {current ? <Badge tone="blue">current</Badge> : null}
              <span className="text-zinc-700">{v.actor}</span>
              <span className="text-zinc-500">{formatUtc(v.occurredAt)}</span>
              <span className="ml-auto" />
              {!current && v.change !== 'deleted' ? (
                <Button size="sm" onClick={() => void revertTo(v)} disabled={commands.pending}>
                  Revert to this version
                </Button>
              ) : null}
            </div>
            {v.breakingChanges.length > 0 ? (
              <div className="border-b border-zinc-100 bg-amber-50 px-3 py-1 text-xs text-amber-900">
                <span className="font-semibold">Breaking: </span>
                {v.breakingChanges.join('; ')}
              </div>
            ) : null}
            <FieldChanges version={v} />
          </li>
        );
      })}
      {dialog}
    </ol>
  );
}

function FieldChanges({ version }: { version: EntityVersion }) {
  if (version.change === 'defined') return <p className="px-3 py-1.5 text-xs text-zinc-500">Defined as {formatValue(version.definition.apiName)}.</p>;
  if (version.change === 'branched') return <p className="px-3 py-1.5 text-xs text-zinc-500">As it was when the branch was made.</p>;
  if (version.change === 'deleted') return <p className="px-3 py-1.5 text-xs text-zinc-500">Deleted.</p>;
  if (version.fields.length === 0) return <p className="px-3 py-1.5 text-xs text-zinc-500">No field changed.</p>;
  return (
    <table className="w-full table-fixed text-xs" aria-label={`Changes in version ${version.version}`}>
      <tbody>
        {version.fields.map((f) => (
          <tr key={`${f.path}:${f.change}`} className="border-t border-zinc-50 align-top first:border-t-0">
            <th scope="row" className="w-64 px-3 py-1 text-left font-mono font-normal break-words text-zinc-600">
              {formatPath(f.path)}
            </th>
            <td className="px-3 py-1 break-words">
              {f.change === 'added' ? (
                <span className="text-emerald-800">+ {formatValue(f.after, f.path)}</span>
              ) : f.change === 'removed' ? (
                <span className="text-red-700 line-through">{formatValue(f.before, f.path)}</span>
              ) : (
                <>
                  {f.change === 'reordered' ? <span className="text-zinc-500">order: </span> : null}
                  <span className="text-zinc-500 line-through">{formatValue(f.before, f.path)}</span>
                  <span className="px-1.5 text-zinc-400">→</span>
                  <span className="font-medium text-zinc-900">{formatValue(f.after, f.path)}</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
