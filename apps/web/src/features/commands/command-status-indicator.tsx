'use client';

import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import type { CommandStatus } from '@/server/routers/ontology/command.schema';
import { useTRPC } from '@/trpc/react';
import { useLastCommand } from './last-command';

const PHASE = {
  sending: { tone: 'neutral', text: 'sending…' },
  pending: { tone: 'amber', text: 'pending' },
  applied: { tone: 'blue', text: 'applied' },
  visible: { tone: 'green', text: 'visible' },
  failed: { tone: 'red', text: 'failed' },
} as const;

/**
 * The top bar's command status slot: the last command of this tab, followed live from pending to applied
 * (in the event store) to visible (in the read model), or failed with the error.
 */
export function CommandStatusIndicator() {
  const trpc = useTRPC();
  const last = useLastCommand();
  // Kept here rather than read from the subscription: it clears its data when the stream ends (at visible/failed).
  const [latest, setLatest] = useState<CommandStatus | null>(null);
  const watched = useSubscription(
    trpc.ontology.watchCommand.subscriptionOptions(
      { commandId: last?.commandId ?? '' },
      { enabled: Boolean(last?.commandId), onData: (status) => setLatest(status) },
    ),
  );
  if (!last) return null;

  // Until the new command's first status arrives, the previous command's is still held.
  const status = latest?.commandId === last.commandId ? latest : null;
  const phase = last.refused ? 'failed' : !last.commandId ? 'sending' : (status?.phase ?? 'pending');
  const error = last.refused ?? status?.error?.message ?? (watched.status === 'error' ? `status unavailable: ${watched.error?.message}` : null);
  const { tone, text } = PHASE[phase];
  return (
    <div
      role="status"
      aria-label="Command status"
      data-phase={phase}
      className="flex max-w-[26rem] min-w-0 shrink items-center gap-1.5 text-xs"
      title={[last.commandId && `Command ${last.commandId}`, status?.sequenceNumber && `sequence ${status.sequenceNumber}`, error].filter(Boolean).join(' · ')}
    >
      <span className="shrink-0 text-zinc-400">Last command</span>
      <span className="max-w-48 shrink-0 truncate font-medium text-zinc-100">{last.label}</span>
      <span className="shrink-0">
        <Badge tone={tone} dot>
          {text}
        </Badge>
      </span>
      {phase === 'failed' && error ? <span className="min-w-0 truncate text-red-300">{error}</span> : null}
    </div>
  );
}
