import { describe, expect, it } from 'vitest';
import { previewSchedule, scheduleInWords } from './schedule-preview';

const now = new Date('2026-11-26T02:50:00Z');

describe('previewSchedule', () => {
  it('lists the next runs, read in the schedule’s time zone', () => {
    const preview = previewSchedule('0 9 * * 1-5', 'Asia/Seoul', now, 3);
    // 09:00 in Seoul is 00:00 UTC; Thursday 26 November 09:00 KST has passed, Friday's is next.
    expect(preview).toEqual({ kind: 'runs', runs: [new Date('2026-11-27T00:00:00Z'), new Date('2026-11-30T00:00:00Z'), new Date('2026-12-01T00:00:00Z')] });
  });

  it('treats an empty schedule as on demand only', () => {
    expect(previewSchedule('  ', 'UTC', now)).toEqual({ kind: 'on-demand' });
  });

  it('gives the server’s messages for a bad expression or an unknown zone', () => {
    const preview = previewSchedule('*/5 * * * * *', 'Mars/Olympus', now);
    expect(preview.kind).toBe('invalid');
    if (preview.kind !== 'invalid') return;
    expect(preview.issues.map((i) => i.path)).toEqual(['schedule', 'timezone']);
    expect(preview.issues[0]!.message).toContain('five are needed');
  });
});

describe('scheduleInWords', () => {
  it('names presets and aliases, and leaves other expressions to be shown as written', () => {
    expect(scheduleInWords('*/15  * * * *')).toBe('every 15 minutes');
    expect(scheduleInWords('@daily')).toBe('daily at 00:00');
    expect(scheduleInWords('7 3 * * *')).toBeNull();
  });
});
