import { describe, expect, it } from 'vitest';
import { DUE_REFRESH_MS, IDLE_REFRESH_MS, RUNNING_REFRESH_MS, refreshIntervalMs } from './refresh-interval';

const now = new Date('2026-11-26T03:00:00Z');

describe('refreshIntervalMs', () => {
  it('polls fast while a run is going', () => {
    expect(refreshIntervalMs({ running: true, nextRuns: [] }, now)).toBe(RUNNING_REFRESH_MS);
  });

  it('polls often when a schedule fires within a minute or is overdue', () => {
    expect(refreshIntervalMs({ running: false, nextRuns: [null, '2026-11-26T03:00:40Z'] }, now)).toBe(DUE_REFRESH_MS);
    expect(refreshIntervalMs({ running: false, nextRuns: ['2026-11-26T02:59:00Z'] }, now)).toBe(DUE_REFRESH_MS);
  });

  it('polls slowly otherwise', () => {
    expect(refreshIntervalMs({ running: false, nextRuns: [null, '2026-11-26T04:00:00Z'] }, now)).toBe(IDLE_REFRESH_MS);
  });
});
