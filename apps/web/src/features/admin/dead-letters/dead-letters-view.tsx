'use client';

import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import { useTRPC } from '@/trpc/react';
import { DeadLetterDetails } from './dead-letter-details';
import { DeadLetterTable, sameLetter, type DeadLetterKey } from './dead-letter-table';
import { RedriveConfirm } from './redrive-confirm';
import { useRedrive } from './use-redrive';

const REFRESH_MS = 5_000;
const ALL = '';

export function DeadLettersView() {
  const trpc = useTRPC();
  const { data: letters } = useSuspenseQuery({ ...trpc.admin.listDeadLetters.queryOptions({}), refetchInterval: REFRESH_MS });
  const handlers = useMemo(() => [...new Set(letters.map((l) => l.handler))].sort(), [letters]);
  const [handler, setHandler] = useState(ALL);
  const shown = handler === ALL ? letters : letters.filter((l) => l.handler === handler);
  // "Re-drive all" acts on one handler: the one chosen, or the only one there is.
  const redriveAllFor = handler !== ALL ? handler : handlers.length === 1 ? handlers[0]! : null;
  const redriveAllCount = letters.filter((l) => l.handler === redriveAllFor).length;
  const [confirmAll, setConfirmAll] = useState(false);
  const { all } = useRedrive(() => setConfirmAll(false));

  const [selected, setSelected] = useState<DeadLetterKey | null>(null);
  const selectedRow = selected ? letters.find((l) => sameLetter(selected, l)) : undefined;
  const laterInStream = selectedRow
    ? letters.filter((l) => l.handler === selectedRow.handler && l.aggregateType === selectedRow.aggregateType && l.aggregateId === selectedRow.aggregateId && l.sequenceNumber > selectedRow.sequenceNumber).length
    : 0;

  return (
    <>
      <PageHeader
        section="Admin"
        title="Dead letters"
        description="Events a consumer gave up on after its retries. Inspect them, fix the cause, then re-drive them in stream order."
        actions={
          <>
            <span className="shrink-0 whitespace-nowrap">
              {letters.length === 0 ? <Badge tone="green" dot>None</Badge> : <Badge tone="red" dot>{letters.length} dead</Badge>}
            </span>
            <Select aria-label="Handler" value={handler} onChange={(e) => setHandler(e.target.value)} className="w-56 text-xs">
              <option value={ALL}>All handlers</option>
              {handlers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
            <Button
              variant="primary"
              disabled={!redriveAllFor || redriveAllCount === 0 || confirmAll}
              title={redriveAllFor ? `Re-drive every dead letter of ${redriveAllFor}` : 'Choose a handler to re-drive all of its dead letters'}
              onClick={() => setConfirmAll(true)}
            >
              Re-drive all
            </Button>
          </>
        }
      />
      {confirmAll && redriveAllFor ? (
        <RedriveConfirm
          label={`Re-drive all dead letters of ${redriveAllFor}`}
          confirmLabel={eventsLabel(redriveAllCount)}
          pending={all.isPending}
          error={all.error}
          onConfirm={() => all.mutate({ handler: redriveAllFor })}
          onCancel={() => setConfirmAll(false)}
        >
          <p>
            Hand every dead letter of <strong className="font-mono">{redriveAllFor}</strong> back to it, stream by stream and each stream in sequence order,
            with fresh attempt counts. Fix the cause first, or they will come back here.
          </p>
        </RedriveConfirm>
      ) : null}
      <div className="flex min-h-0 flex-1 gap-3 p-3">
        <Panel
          className="min-w-0 flex-1"
          title="Dead letters"
          meta={`${handler === ALL ? `${letters.length}` : `${shown.length} of ${letters.length}`} · refreshes every ${REFRESH_MS / 1000}s`}
        >
          {letters.length === 0 ? (
            <EmptyState title="No dead letters">
              Every event reached its consumers. An event lands here when a consumer fails on it after all its retries; the events after it in the
              same stream wait here with it.
            </EmptyState>
          ) : shown.length === 0 ? (
            <EmptyState title={`No dead letters for ${handler}`} />
          ) : (
            <DeadLetterTable rows={shown} selected={selected} onSelect={setSelected} />
          )}
        </Panel>
        {selected && selectedRow ? (
          <DeadLetterDetails key={`${selected.handler} ${selected.eventId}`} letter={selected} laterInStream={laterInStream} onClose={() => setSelected(null)} />
        ) : null}
      </div>
    </>
  );
}

function eventsLabel(n: number): string {
  return `Re-drive ${n} event${n === 1 ? '' : 's'}`;
}
