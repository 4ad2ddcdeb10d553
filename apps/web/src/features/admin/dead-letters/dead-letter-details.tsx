'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import type { DeadLetterDetailView } from '@/server/routers/admin/dead-letter.schema';
import { useTRPC } from '@/trpc/react';
import type { DeadLetterKey } from './dead-letter-table';
import { PayloadView } from './payload-view';
import { RedriveConfirm } from './redrive-confirm';
import { useRedrive } from './use-redrive';

/** One dead letter: why its consumer gave up, the stored event with its payload, and a re-drive. */
export function DeadLetterDetails({ letter, laterInStream, onClose }: { letter: DeadLetterKey; laterInStream: number; onClose: () => void }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.admin.getDeadLetter.queryOptions(letter));
  const [confirming, setConfirming] = useState(false);
  const { one } = useRedrive(onClose);
  const event = detail.data?.event;
  return (
    <aside aria-label={`Dead letter ${letter.eventId}`} className="flex w-[400px] shrink-0 flex-col rounded-md border border-zinc-200 bg-white">
      <header className="flex items-start gap-2 border-b border-zinc-200 px-3 py-2">
        <div className="min-w-0">
          <p className="truncate font-mono text-xs text-accent-700">{letter.handler}</p>
          <h2 className="truncate text-sm font-semibold text-zinc-900">{event ? `${event.eventType} · ${event.aggregateId} #${event.sequenceNumber}` : 'Dead letter'}</h2>
        </div>
        <div className="ml-auto flex items-center gap-2">
          {detail.data && !confirming ? (
            <Button size="sm" variant="primary" onClick={() => setConfirming(true)}>
              Re-drive
            </Button>
          ) : null}
          <button type="button" aria-label="Close details" onClick={onClose} className="rounded px-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700">
            ×
          </button>
        </div>
      </header>
      {confirming && detail.data ? (
        <RedriveConfirm
          label={`Re-drive ${letter.eventId}`}
          confirmLabel={laterInStream > 0 ? `Re-drive ${laterInStream + 1} events` : 'Re-drive event'}
          pending={one.isPending}
          error={one.error}
          onConfirm={() => one.mutate(letter)}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Hand this event back to <strong className="font-mono">{letter.handler}</strong> with a fresh attempt count
            {laterInStream > 0 ? (
              <>
                , together with the {laterInStream} later dead letter{laterInStream === 1 ? '' : 's'} of its stream that wait behind it, in order
              </>
            ) : null}
            . Fix the cause first, or it will come back here.
          </p>
        </RedriveConfirm>
      ) : null}
      <div className="min-h-0 flex-1 overflow-auto">
        {detail.isPending ? (
          <div role="status" aria-label="Loading the dead letter" className="space-y-2 p-3">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4" />
            <Skeleton className="h-16" />
          </div>
        ) : detail.isError ? (
          <div className="p-3">
            <Callout title={describeError(detail.error).title}>
              <p>{describeError(detail.error).message}</p>
            </Callout>
          </div>
        ) : (
          <DetailBody detail={detail.data} />
        )}
      </div>
    </aside>
  );
}

function DetailBody({ detail: { deadLetter: d, event: e } }: { detail: DeadLetterDetailView }) {
  return (
    <div className="space-y-3 p-3">
      <Section title="Why it is here">
        <Facts
          rows={[
            ['Attempts', String(d.attempts)],
            ['Dead since', formatUtc(d.updatedAt)],
          ]}
        />
        <p className="mt-1.5 rounded border border-red-200 bg-red-50 px-2 py-1.5 font-mono text-2xs leading-4 break-words whitespace-pre-wrap text-red-900">
          {d.lastError ?? 'No error recorded.'}
        </p>
      </Section>
      <Section title="Event">
        <Facts
          rows={[
            ['Type', `${e.eventType} (schema v${e.schemaVersion})`],
            ['Aggregate', `${e.aggregateType}/${e.aggregateId}`],
            ['Sequence', String(e.sequenceNumber)],
            ['Occurred', formatUtc(e.occurredAt)],
            ['Actor', e.actor],
            ['Event id', <span className="font-mono text-2xs">{e.eventId}</span>],
            ['Command id', <span className="font-mono text-2xs">{e.commandId}</span>],
          ]}
        />
      </Section>
      <Section title="Payload">
        <PayloadView value={e.payload} label="Payload" />
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-1 text-2xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h3>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-500">{k}</dt>
          <dd className="min-w-0 truncate">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
