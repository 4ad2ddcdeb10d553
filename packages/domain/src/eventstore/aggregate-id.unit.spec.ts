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

  it('refuses empty, control-character and over-long ids with a specific message', () => {
    expect(() => normaliseAggregateId('   ')).toThrow('Aggregate id is empty');
    expect(() => normaliseAggregateId('a\u0000b')).toThrow('control characters');
    expect(() => normaliseAggregateId('x'.repeat(201))).toThrow('longer than 200');
  });
});
