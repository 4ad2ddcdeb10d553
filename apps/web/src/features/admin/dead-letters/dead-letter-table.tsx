'use client';

import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatUtc } from '@/lib/format-time';
import type { DeadLetterRow } from '@/server/routers/admin/dead-letter.schema';

export interface DeadLetterKey {
  readonly handler: string;
  readonly eventId: string;
}

export const sameLetter = (a: DeadLetterKey | null, b: DeadLetterKey) => a?.handler === b.handler && a.eventId === b.eventId;

/** Dead letters by stream and sequence number; a row opens its details. */
export function DeadLetterTable({ rows, selected, onSelect }: { rows: readonly DeadLetterRow[]; selected: DeadLetterKey | null; onSelect: (key: DeadLetterKey) => void }) {
  return (
    <Table aria-label="Dead letters">
      <THead>
        <tr>
          <TH>Handler</TH>
          <TH>Aggregate</TH>
          <TH className="text-right">Seq</TH>
          <TH>Event type</TH>
          <TH className="text-right">Attempts</TH>
          <TH>When (UTC)</TH>
          <TH className="w-full">Last error</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR
            key={`${r.handler} ${r.eventId}`}
            selected={sameLetter(selected, r)}
            onClick={() => onSelect(r)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(r);
              }
            }}
            tabIndex={0}
            data-event-id={r.eventId}
          >
            <TD className="font-mono text-xs">{r.handler}</TD>
            <TD className="max-w-48 truncate" title={`${r.aggregateType}/${r.aggregateId}`}>
              <span className="text-zinc-500">{r.aggregateType}/</span>
              {r.aggregateId}
            </TD>
            <TD className="text-right font-mono text-xs">{r.sequenceNumber}</TD>
            <TD>
              <Badge tone="violet">{r.eventType}</Badge>
            </TD>
            <TD className="text-right">{r.attempts}</TD>
            <TD className="text-xs text-zinc-600" title={formatUtc(r.updatedAt)}>
              {compactUtc(r.updatedAt)}
            </TD>
            <TD className="max-w-0 min-w-48 truncate text-xs text-red-800" title={r.lastError ?? undefined}>
              {r.lastError ?? '—'}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** Month, day and time (UTC) — enough in a dense column; the cell's title has the full timestamp. */
function compactUtc(iso: string): string {
  return formatUtc(iso).slice(5, 16);
}
