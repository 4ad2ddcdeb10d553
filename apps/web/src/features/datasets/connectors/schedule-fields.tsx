'use client';

import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { formatInZone, formatRelative, formatUtc } from '@/lib/format-time';
import { previewSchedule, SCHEDULE_PRESETS, scheduleInWords } from './schedule-preview';

/** Every zone the browser knows, for the zone field's suggestions. */
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The cron schedule and the zone it is read in, with the next runs it gives, worked out as the server will (a
 * schedule the server would refuse shows the server's reason here before submitting). Empty: on demand only.
 */
export function ScheduleFields({
  schedule,
  timezone,
  onChange,
  issues,
  now,
}: {
  schedule: string;
  timezone: string;
  onChange: (patch: { schedule?: string; timezone?: string }) => void;
  issues: ReadonlyMap<string, string[]>;
  now: Date;
}) {
  const preview = useMemo(() => previewSchedule(schedule, timezone, now), [schedule, timezone, now]);
  const words = scheduleInWords(schedule);
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)] gap-3">
        <Field id="connector-schedule" label="Schedule (cron)" hint={words ?? 'minute hour day-of-month month day-of-week, or @hourly, @daily…'} errors={issues.get('schedule')}>
          <Input
            id="connector-schedule"
            className="font-mono"
            placeholder="empty: run only on demand"
            value={schedule}
            aria-invalid={issues.has('schedule') || undefined}
            onChange={(e) => onChange({ schedule: e.target.value })}
          />
        </Field>
        <Field id="connector-timezone" label="Time zone" errors={issues.get('timezone')}>
          <div className="flex items-center gap-1">
            <Input
              id="connector-timezone"
              list="connector-timezones"
              value={timezone}
              aria-invalid={issues.has('timezone') || undefined}
              onChange={(e) => onChange({ timezone: e.target.value })}
            />
            {browserZone && browserZone !== timezone ? (
              <Button size="sm" variant="ghost" title={`Use ${browserZone}`} onClick={() => onChange({ timezone: browserZone })}>
                mine
              </Button>
            ) : null}
          </div>
          <datalist id="connector-timezones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Schedule presets">
        {SCHEDULE_PRESETS.map((p) => (
          <Button key={p.cron} size="sm" variant={schedule.trim() === p.cron ? 'primary' : 'secondary'} onClick={() => onChange({ schedule: p.cron })}>
            {p.label}
          </Button>
        ))}
        {schedule ? (
          <Button size="sm" variant="ghost" onClick={() => onChange({ schedule: '' })}>
            on demand only
          </Button>
        ) : null}
      </div>
      <section aria-label="Next runs" className="rounded border border-zinc-200 bg-zinc-50 px-2.5 py-1.5 text-xs">
        {preview.kind === 'on-demand' ? (
          <p className="text-zinc-500">No schedule: the connector runs when you press Run now (or call the API).</p>
        ) : preview.kind === 'invalid' ? (
          <ul className="space-y-0.5 text-amber-800">
            {preview.issues.map((i) => (
              <li key={i.path + i.message}>{i.message}</li>
            ))}
          </ul>
        ) : (
          <>
            <p className="mb-0.5 font-medium text-zinc-600">Next runs</p>
            <ol className="tabular-nums">
              {preview.runs.map((at) => {
                const iso = at.toISOString();
                return (
                  <li key={iso} className="flex gap-3">
                    <span className="font-mono text-zinc-800">
                      {formatInZone(iso, timezone)} <span className="text-zinc-500">{timezone}</span>
                    </span>
                    <span className="text-zinc-500">{formatUtc(iso)}</span>
                    <span className="text-zinc-500">{formatRelative(iso, now)}</span>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
