import { cronIssues, nextRunAfter, timezoneIssues, type FieldIssue } from '@spice/domain';

/** Schedules people pick most, offered as one click; their label is how a schedule reads in lists. */
export const SCHEDULE_PRESETS: readonly { readonly cron: string; readonly label: string }[] = [
  { cron: '*/15 * * * *', label: 'every 15 minutes' },
  { cron: '@hourly', label: 'every hour' },
  { cron: '0 6 * * *', label: 'daily at 06:00' },
  { cron: '0 9 * * 1-5', label: 'weekdays at 09:00' },
  { cron: '0 0 * * 1', label: 'Mondays at 00:00' },
];

/** The aliases the server accepts, in words. */
const ALIAS_LABELS: Readonly<Record<string, string>> = {
  '@hourly': 'every hour',
  '@daily': 'daily at 00:00',
  '@weekly': 'Sundays at 00:00',
  '@monthly': 'the 1st of each month at 00:00',
  '@yearly': '1 January at 00:00',
  '@annually': '1 January at 00:00',
  '@weekdays': 'weekdays at 00:00',
  '@weekends': 'weekends at 00:00',
};

/** A schedule in words when it is a preset or an alias; null for any other expression (shown as written). */
export function scheduleInWords(cron: string): string | null {
  const text = cron.trim().replace(/\s+/g, ' ');
  return ALIAS_LABELS[text] ?? SCHEDULE_PRESETS.find((p) => p.cron === text)?.label ?? null;
}

export type SchedulePreview =
  | { readonly kind: 'on-demand' }
  | { readonly kind: 'invalid'; readonly issues: readonly FieldIssue[] }
  | { readonly kind: 'runs'; readonly runs: readonly Date[] };

/**
 * The next `count` times a schedule fires after `now`, read by the same rules as the server (the domain's cron and
 * time-zone checks), so the form shows what the scheduler will do, or the same message the server would give.
 */
export function previewSchedule(cron: string, timezone: string, now: Date, count = 5): SchedulePreview {
  if (!cron.trim()) return { kind: 'on-demand' };
  const issues = [...cronIssues(cron), ...timezoneIssues(timezone.trim())];
  if (issues.length) return { kind: 'invalid', issues };
  const runs: Date[] = [];
  for (let at = now; runs.length < count; ) {
    at = nextRunAfter(cron, timezone.trim(), at);
    runs.push(at);
  }
  return { kind: 'runs', runs };
}
