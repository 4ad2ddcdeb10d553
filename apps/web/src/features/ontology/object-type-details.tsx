'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';
import { formatUtc } from '@/lib/format-time';
import type { ObjectTypeRow } from '@/server/routers/ontology/object-type.schema';
import { DeleteObjectTypeConfirm } from './delete-object-type';
import { ObjectTypeEditor } from './object-type-editor';
import { StatusBadge } from './object-type-table';

type Mode = { kind: 'view' } | { kind: 'edit'; loaded: ObjectTypeRow } | { kind: 'delete' };

/** The selected object type: its properties and where it came from; edit and delete it from here. */
export function ObjectTypeDetails({
  ontologyId,
  objectType,
  gone,
  dataTypes,
  keyTypes,
  onClose,
}: {
  ontologyId: string;
  /** The type as last seen; when `gone` it has left the read model (deleted). */
  objectType: ObjectTypeRow;
  gone: boolean;
  dataTypes: readonly string[];
  keyTypes: readonly string[];
  onClose: () => void;
}) {
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const editing = mode.kind === 'edit';
  return (
    <aside
      aria-label={`Object type ${objectType.apiName}`}
      className={cn('flex shrink-0 flex-col rounded-md border border-zinc-200 bg-white', editing ? 'w-[600px]' : 'w-[380px]')}
    >
      <header className="flex items-start gap-2 border-b border-zinc-200 px-3 py-2">
        <div className="min-w-0">
          <p className="font-mono text-xs text-accent-700">{objectType.apiName}</p>
          <h2 className="truncate text-sm font-semibold text-zinc-900">{objectType.displayName}</h2>
        </div>
        <div className="ml-auto flex items-center gap-2">
          <StatusBadge status={objectType.status} />
          {mode.kind === 'view' && !gone ? (
            <>
              <Button size="sm" onClick={() => setMode({ kind: 'edit', loaded: objectType })}>
                Edit
              </Button>
              <Button size="sm" variant="danger" onClick={() => setMode({ kind: 'delete' })}>
                Delete
              </Button>
            </>
          ) : null}
          <button type="button" aria-label="Close details" onClick={onClose} className="rounded px-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700">
            ×
          </button>
        </div>
      </header>
      {mode.kind === 'edit' ? (
        <ObjectTypeEditor
          ontologyId={ontologyId}
          loaded={mode.loaded}
          live={gone ? null : objectType}
          dataTypes={dataTypes}
          keyTypes={keyTypes}
          onDone={() => setMode({ kind: 'view' })}
        />
      ) : (
        <>
          {mode.kind === 'delete' && !gone ? (
            <DeleteObjectTypeConfirm ontologyId={ontologyId} objectType={objectType} onCancel={() => setMode({ kind: 'view' })} onDeleted={onClose} />
          ) : null}
          {gone ? (
            <div className="p-3">
              <Callout tone="amber" title="This object type was deleted">
                <p>It is no longer in the ontology. What you see is its last version.</p>
              </Callout>
            </div>
          ) : null}
          <ObjectTypeSummary objectType={objectType} />
        </>
      )}
    </aside>
  );
}

function ObjectTypeSummary({ objectType }: { objectType: ObjectTypeRow }) {
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <p className="px-3 py-2 text-xs text-zinc-600">{objectType.description || <span className="text-zinc-400">No description.</span>}</p>
      <Table aria-label="Properties">
        <THead>
          <tr>
            <TH>Property</TH>
            <TH>Type</TH>
            <TH />
          </tr>
        </THead>
        <TBody>
          {objectType.properties.map((p) => (
            <TR key={p.apiName}>
              <TD>
                <span className="font-mono text-xs">{p.apiName}</span>
                <span className="ml-1.5 text-xs text-zinc-500">{p.displayName}</span>
              </TD>
              <TD className="font-mono text-xs text-zinc-600">{p.dataType}</TD>
              <TD className="space-x-1 text-right">
                {p.apiName === objectType.primaryKey ? <Badge tone="blue">key</Badge> : null}
                {p.required ? <Badge>required</Badge> : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 px-3 py-2 text-xs">
        <dt className="text-zinc-500">Id</dt>
        <dd className="truncate font-mono text-2xs leading-4">{objectType.id}</dd>
        <dt className="text-zinc-500">Version</dt>
        <dd data-testid="object-type-version">{objectType.version}</dd>
        <dt className="text-zinc-500">Created</dt>
        <dd>
          {formatUtc(objectType.createdAt)} by {objectType.createdBy}
        </dd>
        <dt className="text-zinc-500">Updated</dt>
        <dd>
          {formatUtc(objectType.updatedAt)} by {objectType.updatedBy}
        </dd>
      </dl>
    </div>
  );
}
