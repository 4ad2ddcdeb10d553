import { describe, expect, it } from 'vitest';
import { aggregateIdKeySegment, normaliseAggregateId } from './aggregate-id';

describe('aggregate id normalisation', () => {
  it('treats NFC/NFD forms and surrounding blanks as the same id but keeps case', () => {
    const nfc = 'Caf\u00e9';
    const nfd = 'Cafe\u0301';
    expect(normaliseAggregateId(`  ${nfd}\t`)).toBe(nfc);
    expect(normaliseAggregateId('cafe')).not.toBe(normaliseAggregateId('Cafe'));
  });

  it('gives distinct, slash-free key segments for distinct ids', () => {
    const ids = ['a/b', 'a%2Fb', 'a b', 'a+b', 'a.b', '..', '.', '~x', "it's", '한글', 'a%b'];
    const segments = ids.map((i) => aggregateIdKeySegment(normaliseAggregateId(i)));
    expect(new Set(segments).size).toBe(ids.length);
    for (const s of segments) {
      expect(s).not.toContain('/');
      expect(s).not.toMatch(/^\.+$/);
      expect(decodeURIComponent(s)).toBe(ids[segments.indexOf(s)]);
    }
  });

  it('shortens ids too long to spell out into a head and a digest, still one segment per id', () => {
    const ids = ['x'.repeat(200), 'x'.repeat(199), 'X'.repeat(200), '%'.repeat(200), '한'.repeat(200), '🚢'.repeat(100), 'x'.repeat(80), 'x'.repeat(81)];
    const segments = ids.map((i) => aggregateIdKeySegment(normaliseAggregateId(i)));
    expect(new Set(segments).size).toBe(ids.length);
    for (const s of segments) {
      expect(s.length).toBeLessThanOrEqual(105);
      expect(s).toMatch(/^(?:[A-Za-z0-9_-]|%[0-9A-F]{2})*(?:~[0-9a-f]{64})?$/);
    }
    expect(segments[6]).toBe('x'.repeat(80));
    expect(segments[7]).toMatch(/^x{40}~[0-9a-f]{64}$/);
    expect(segments[4]).toMatch(/^(%ED%95%9C){4}~/);
  });

  it('refuses empty, control-character and over-long ids with a specific message', () => {
    expect(() => normaliseAggregateId('   ')).toThrow('Aggregate id is empty');
    expect(() => normaliseAggregateId('a\u0000b')).toThrow('control characters');
    expect(() => normaliseAggregateId('x'.repeat(201))).toThrow('longer than 200');
  });
});
