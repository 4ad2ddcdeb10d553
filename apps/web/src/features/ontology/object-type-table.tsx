'use client';

import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatUtc } from '@/lib/format-time';
import type { ObjectTypeRow } from '@/server/routers/ontology/object-type.schema';

export function ObjectTypeTable({
  rows,
  selectedId,
  onSelect,
}: {
  rows: readonly ObjectTypeRow[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <Table aria-label="Object types">
      <THead>
        <tr>
          <TH>API name</TH>
          <TH>Display name</TH>
          <TH className="text-right">Properties</TH>
          <TH>Primary key</TH>
          <TH>Status</TH>
          <TH>Updated by</TH>
          <TH>Updated at</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.id} selected={row.id === selectedId} onClick={() => onSelect(row.id)} data-id={row.id}>
            <TD className="font-mono text-xs font-medium text-accent-700">{row.apiName}</TD>
            <TD className="max-w-72 truncate">{row.displayName}</TD>
            <TD className="text-right">{row.properties.length}</TD>
            <TD className="font-mono text-xs">{row.primaryKey ?? <span className="text-zinc-400">—</span>}</TD>
            <TD>
              <StatusBadge status={row.status} />
            </TD>
            <TD className="text-xs text-zinc-600">{row.updatedBy}</TD>
            <TD className="text-xs text-zinc-600" title={row.updatedAt}>
              {formatUtc(row.updatedAt)}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const tone = status === 'active' ? 'green' : status === 'deprecated' ? 'amber' : 'violet';
  return <Badge tone={tone}>{status}</Badge>;
}
