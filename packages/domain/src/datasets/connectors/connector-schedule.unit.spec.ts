import { describe, expect, it } from 'vitest';
import { cronIssues, dueSlot, lastRunAtOrBefore, nextRunAfter } from './connector-schedule';

const t = (iso: string) => new Date(iso);

describe('cron schedules', () => {
  it('accepts five fields or an alias, and says why anything else is refused', () => {
    expect(cronIssues('*/15 * * * *')).toEqual([]);
    expect(cronIssues('0 9 * * MON-FRI')).toEqual([]);
    expect(cronIssues('@daily')).toEqual([]);
    expect(cronIssues('@secondly')[0]!.message).toBe(
      '"@secondly" is not a valid cron schedule: @secondly is not one of @yearly, @annually, @monthly, @weekly, @daily, @hourly, @weekdays, @weekends (e.g. "*/15 * * * *" for every 15 minutes, or @daily)',
    );
    expect(cronIssues('* * * *')[0]!.message).toContain('it has 4 field(s), five are needed');
    expect(cronIssues('0 0 31 2 *', 'source.schedule')).toEqual([
      {
        path: 'source.schedule',
        rule: 'cron',
        message: '"0 0 31 2 *" is not a valid cron schedule: Invalid explicit day of month definition (e.g. "*/15 * * * *" for every 15 minutes, or @daily)',
      },
    ]);
  });

  it('reads the schedule in its time zone', () => {
    expect(nextRunAfter('0 9 * * *', 'Asia/Seoul', t('2026-03-01T00:30:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(nextRunAfter('0 9 * * *', 'UTC', t('2026-03-01T00:30:00Z')).toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('the last slot at or before a time includes that time', () => {
    expect(lastRunAtOrBefore('* * * * *', 'UTC', t('2026-03-01T10:05:00Z')).toISOString()).toBe('2026-03-01T10:05:00.000Z');
    expect(lastRunAtOrBefore('* * * * *', 'UTC', t('2026-03-01T10:05:59Z')).toISOString()).toBe('2026-03-01T10:05:00.000Z');
  });
});

describe('what is due', () => {
  const everyMinute = { cron: '* * * * *', timezone: 'UTC', anchor: t('2026-03-01T10:00:20Z') };

  it('nothing before the first slot after the anchor', () => {
    expect(dueSlot(everyMinute, null, t('2026-03-01T10:00:59Z'))).toBeNull();
  });

  it('the slot that fired, once: the same slot is not due again after it was taken', () => {
    expect(dueSlot(everyMinute, null, t('2026-03-01T10:01:05Z'))?.toISOString()).toBe('2026-03-01T10:01:00.000Z');
    expect(dueSlot(everyMinute, t('2026-03-01T10:01:00Z'), t('2026-03-01T10:01:40Z'))).toBeNull();
    expect(dueSlot(everyMinute, t('2026-03-01T10:01:00Z'), t('2026-03-01T10:02:00Z'))?.toISOString()).toBe('2026-03-01T10:02:00.000Z');
  });

  it('slots missed while no scheduler ran are owed one run, for the latest of them', () => {
    expect(dueSlot(everyMinute, t('2026-03-01T10:01:00Z'), t('2026-03-01T13:37:10Z'))?.toISOString()).toBe('2026-03-01T13:37:00.000Z');
  });

  it('a later anchor (rescheduled or resumed) wins over an older last run', () => {
    const resumed = { ...everyMinute, anchor: t('2026-03-01T12:00:30Z') };
    expect(dueSlot(resumed, t('2026-03-01T10:01:00Z'), t('2026-03-01T12:00:45Z'))).toBeNull();
    expect(dueSlot(resumed, t('2026-03-01T10:01:00Z'), t('2026-03-01T12:01:00Z'))?.toISOString()).toBe('2026-03-01T12:01:00.000Z');
  });
});
