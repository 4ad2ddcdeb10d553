import { formatInZone, formatRelative, formatUtc } from '@/lib/format-time';
import type { Connector } from '../model/dataset-types';
import { scheduleInWords } from './schedule-preview';

/** The schedule as written (cron and zone), with its meaning in words when it has a common one. */
export function ScheduleText({ connector }: { connector: Pick<Connector, 'schedule' | 'timezone'> }) {
  if (connector.schedule === null) return <span className="text-zinc-500">on demand only</span>;
  const words = scheduleInWords(connector.schedule);
  return (
    <span className="inline-flex min-w-0 items-baseline gap-1.5" title={words ?? undefined}>
      <code className="font-mono text-xs text-zinc-800">{connector.schedule}</code>
      <span className="text-2xs text-zinc-500">{connector.timezone}</span>
    </span>
  );
}

/** When the schedule fires next, from now ("in 14 min"); the exact time, in the schedule's zone and in UTC, on hover. */
export function NextRun({ connector, now }: { connector: Pick<Connector, 'schedule' | 'timezone' | 'enabled' | 'nextRunAt'>; now: Date }) {
  if (connector.schedule === null) return <span className="text-zinc-400">—</span>;
  if (!connector.enabled || connector.nextRunAt === null) return <span className="text-zinc-500">paused</span>;
  const at = connector.nextRunAt;
  const due = new Date(at) <= now;
  return (
    <span title={`${formatInZone(at, connector.timezone)} ${connector.timezone} · ${formatUtc(at)}`} className={due ? 'text-amber-700' : 'text-zinc-700'}>
      {due ? 'due now' : formatRelative(at, now)}
    </span>
  );
}
