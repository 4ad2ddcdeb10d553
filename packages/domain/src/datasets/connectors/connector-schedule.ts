import { CronExpressionParser } from 'cron-parser';
import type { FieldIssue } from '../../shared/errors';

/**
 * Connector schedules are standard five-field cron expressions (minute hour day-of-month month day-of-week) or
 * an alias such as @hourly, read in a time zone. A seconds field is refused: a source polled every second is a
 * mistake, not a schedule.
 */
const ALIASES = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@hourly', '@weekdays', '@weekends']);

export function timezoneIssues(timezone: string, path = 'timezone'): FieldIssue[] {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return [];
  } catch {
    return [{ path, rule: 'timezone', message: `"${timezone}" is not a time zone: use an IANA name such as UTC or Asia/Seoul` }];
  }
}

export function cronIssues(expression: string, path = 'schedule'): FieldIssue[] {
  const issue = (why: string): FieldIssue[] => [
    { path, rule: 'cron', message: `"${expression}" is not a valid cron schedule: ${why} (e.g. "*/15 * * * *" for every 15 minutes, or @daily)` },
  ];
  const text = expression.trim();
  if (text.startsWith('@')) return ALIASES.has(text) ? [] : issue(`${text} is not one of ${[...ALIASES].join(', ')}`);
  const fields = text.split(/\s+/).length;
  if (fields !== 5) return issue(`it has ${fields} field(s), five are needed (minute hour day-of-month month day-of-week)`);
  try {
    CronExpressionParser.parse(text, { tz: 'UTC' });
    return [];
  } catch (e) {
    return issue((e as Error).message);
  }
}

const parse = (expression: string, timezone: string, currentDate: Date) => CronExpressionParser.parse(expression.trim(), { tz: timezone, currentDate });

/** The first time the schedule fires strictly after `after`. */
export function nextRunAfter(expression: string, timezone: string, after: Date): Date {
  return parse(expression, timezone, after).next().toDate();
}

/** The last time the schedule fired at or before `at`. */
export function lastRunAtOrBefore(expression: string, timezone: string, at: Date): Date {
  return parse(expression, timezone, new Date(at.getTime() + 1)).prev().toDate();
}

/**
 * The slot a scheduler should run now, or null when nothing is due. A connector is due when its schedule fired
 * after the later of its anchor (created, rescheduled or resumed) and its last scheduled run. However many slots
 * passed while no scheduler ran, one run is due, for the latest of them.
 */
export function dueSlot(
  schedule: { readonly cron: string; readonly timezone: string; readonly anchor: Date },
  lastScheduledFor: Date | null,
  now: Date,
): Date | null {
  const from = lastScheduledFor && lastScheduledFor > schedule.anchor ? lastScheduledFor : schedule.anchor;
  if (nextRunAfter(schedule.cron, schedule.timezone, from) > now) return null;
  return lastRunAtOrBefore(schedule.cron, schedule.timezone, now);
}
