import { describe, expect, it } from 'vitest';
import { formatDuration, formatInZone, formatRelative, formatUtc } from './format-time';

const now = new Date('2026-11-26T03:00:00Z');

describe('formatRelative', () => {
  it('says how far ahead or behind, in the largest whole unit', () => {
    expect(formatRelative('2026-11-26T03:14:30Z', now)).toBe('in 14 min');
    expect(formatRelative('2026-11-26T00:00:00Z', now)).toBe('3 h ago');
    expect(formatRelative('2026-11-26T03:00:40Z', now)).toBe('in 40 s');
    expect(formatRelative('2026-11-29T03:00:00Z', now)).toBe('in 3 d');
  });

  it('calls the last few seconds "just now"', () => {
    expect(formatRelative('2026-11-26T02:59:57Z', now)).toBe('just now');
  });
});

describe('formatInZone', () => {
  it('shows the wall clock of the zone, not of UTC', () => {
    expect(formatInZone('2026-11-26T03:00:00Z', 'Asia/Seoul')).toBe('Thu 2026-11-26 12:00');
    expect(formatInZone('2026-11-26T03:00:00Z', 'America/New_York')).toBe('Wed 2026-11-25 22:00');
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(formatInZone('2026-11-26T03:00:00Z', 'Mars/Olympus')).toBe(formatUtc('2026-11-26T03:00:00Z'));
  });
});

describe('formatDuration', () => {
  it('keeps short runs in ms and long ones in minutes', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(1_234)).toBe('1.23 s');
    expect(formatDuration(12_400)).toBe('12.4 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
  });
});
