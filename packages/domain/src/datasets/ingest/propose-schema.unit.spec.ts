import { describe, expect, it } from 'vitest';
import { proposeDatasetSchema, toStrptime } from './propose-schema';

describe('date patterns as strptime', () => {
  it('translates the letters strptime has and refuses what it lacks', () => {
    expect(toStrptime('yyyy-MM-dd')).toBe('%Y-%m-%d');
    expect(toStrptime('dd/MM/yyyy HH:mm')).toBe('%d/%m/%Y %H:%M');
    expect(toStrptime("yyyy'년' M'월' d'일'")).toBe('%Y년 %m월 %d일');
    expect(toStrptime("yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('%Y-%m-%dT%H:%M:%S%z');
    expect(toStrptime("yyyy-MM-dd['T'HH:mm]")).toBeNull();
    expect(toStrptime('yyyy-MM-dd HH:mm:ss.SSS')).toBeNull();
    expect(toStrptime('a h:mm')).toBeNull();
  });
});

const DEFAULT_TOKENS = ['null', 'n/a', '-'];

describe('the proposed schema', () => {
  it('proposes text rather than an enum when the sample is only part of the file', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [['KR', 'US', 'DE'][i % 3]!]);
    expect(proposeDatasetSchema({ columns: ['country'], rows }).schema[0]!.dataType).toEqual({ type: 'enum', values: ['KR', 'DE', 'US'] });
    expect(proposeDatasetSchema({ columns: ['country'], rows, totalRows: 1_000_000 }).schema[0]!.dataType).toBe('string');
  });

  it('leaves ISO 8601 dates and timestamps to the native cast, zones included', () => {
    const { schema } = proposeDatasetSchema({
      columns: ['at', 'local'],
      rows: [
        ['2024-01-01T00:00:00Z', '2024-01-01 10:00:00'],
        ['2024-03-05T10:00:00+09:00', '2024-03-05 11:30:00'],
      ],
    });
    expect(schema.map((c) => [c.dataType, c.format])).toEqual([
      ['timestamp', { nullTokens: DEFAULT_TOKENS }],
      ['timestamp', { nullTokens: DEFAULT_TOKENS }],
    ]);
  });

  it('carries the formats the cast needs, and leaves an ambiguous date as text', () => {
    const { schema } = proposeDatasetSchema({
      columns: ['amount', 'price', 'day', 'when'],
      rows: [
        ['1.234,50', '₩1,000', '2024-03-05', '01/02/2024'],
        ['7,25', '₩12,500', '2024-03-06', '03/04/2024'],
        ['10,00', '₩300', 'N/A', '05/06/2024'],
      ],
    });
    expect(schema.map((c) => [c.name, c.dataType, c.format])).toEqual([
      ['amount', expect.objectContaining({ type: 'decimal' }), { nullTokens: DEFAULT_TOKENS, decimalSeparator: ',', thousandsSeparator: '.' }],
      ['price', { type: 'money', currency: 'KRW' }, { nullTokens: DEFAULT_TOKENS, thousandsSeparator: ',', currencyTokens: expect.arrayContaining(['₩', '원', 'KRW']) }],
      ['day', 'date', { nullTokens: DEFAULT_TOKENS }],
      ['when', 'string', {}],
    ]);
  });
});
