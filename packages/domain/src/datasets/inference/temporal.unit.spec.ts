import { describe, expect, it } from 'vitest';
import { given, repeated } from './specs/given';

/** 2024-01-01 plus `i` days, as ISO text. */
const isoDay = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);

describe('inference: dates', () => {
  it('proposes an ISO date for 98.2% of 5,000 values and warns about the rest', () => {
    const values = Array.from({ length: 5000 }, (_, i) =>
      i % 500 < 9 ? ['2024-13-01', 'unknown', '2023-02-30'][i % 3]! : isoDay(i % 700),
    );
    const p = given('order_date', values).whenInferred();
    expect(p.dataType).toBe('date');
    expect(p.format).toEqual({ kind: 'temporal', pattern: 'yyyy-MM-dd', choices: [] });
    expect(p.matchCount).toBe(4910);
    expect(p.confidence).toBe(0.98);
    expect(p.reasons).toEqual(['98.2% of 5,000 non-null values parse as ISO dates (yyyy-MM-dd)']);
    expect(p.warnings).toEqual([
      {
        code: 'unparseable-values',
        message:
          '90 values (1.8%) cannot be read as dates and will fail the typed commit (e.g. "2024-13-01", "unknown", "2023-02-30").',
      },
    ]);
  });

  it('reads the day first when some day is over 12, and says which value proves it', () => {
    const p = given('due', repeated(['05/03/2024', '25/03/2024', '01/12/2023'])).whenInferred();
    expect(p.format).toEqual({ kind: 'temporal', pattern: 'dd/MM/yyyy', choices: [] });
    expect(p.reasons).toEqual([
      '100% of 40 non-null values parse as dates in the form dd/MM/yyyy',
      '13 values can only be day-first (e.g. "25/03/2024"): dd/MM/yyyy',
    ]);
  });

  it('reads the month first when some second number is over 12', () => {
    const p = given('shipped', repeated(['3/5/2024', '12/31/2023', '1/2/2024'])).whenInferred();
    expect(p.format).toEqual({ kind: 'temporal', pattern: 'M/d/yyyy', choices: [] });
    expect(p.reasons[1]).toBe('13 values can only be month-first (e.g. "12/31/2023"): M/d/yyyy');
  });

  it('flags an ambiguous day/month order and leaves the pattern to the user', () => {
    const p = given('visited', repeated(['03/05/2024', '04/06/2024', '12/01/2023'])).whenInferred();
    expect(p.dataType).toBe('date');
    expect(p.format).toEqual({ kind: 'temporal', pattern: null, choices: ['dd/MM/yyyy', 'MM/dd/yyyy'] });
    expect(p.confidence).toBe(0.9);
    expect(p.reasons).toEqual([
      '100% of 40 non-null values parse as dates in the form dd/MM/yyyy or MM/dd/yyyy',
    ]);
    expect(p.warnings).toEqual([
      {
        code: 'ambiguous-date-order',
        message:
          'Every value reads both day-first and month-first (e.g. "03/05/2024" is 3 May or March 5): choose dd/MM/yyyy or MM/dd/yyyy.',
      },
    ]);
  });

  it('warns when a column mixes both orders, proposing the majority', () => {
    const p = given('mixed', [
      ...repeated(['25/03/2024', '30/01/2024'], 38),
      '03/25/2024',
      '01/30/2024',
    ]).whenInferred();
    expect(p.format).toMatchObject({ pattern: 'dd/MM/yyyy' });
    expect(p.matchCount).toBe(38);
    expect(p.warnings[0]).toEqual({
      code: 'mixed-date-order',
      message:
        '38 values can only be day-first (e.g. "25/03/2024") and 2 values only month-first (e.g. "03/25/2024"): dd/MM/yyyy is proposed and the others will fail.',
    });
  });

  it('reads regional layouts: dotted, slashed, Korean, month names', () => {
    const patterns = Object.fromEntries(
      Object.entries({
        dotted: ['2024.03.05', '2023.12.31'],
        slashed: ['2024/03/05', '2023/12/31'],
        korean: ['2024년 3월 5일', '2023년 12월 31일'],
        koreanDots: ['2024. 3. 5.', '2023. 12. 31.'],
        german: ['05.03.2024', '31.12.2023'],
        monthName: ['Mar 5, 2024', 'Dec 31, 2023'],
        oracle: ['05-MAR-2024', '31-DEC-2023'],
      }).map(([name, values]) => [name, given(name, repeated(values)).whenInferred().format]),
    );
    expect(patterns).toEqual({
      dotted: { kind: 'temporal', pattern: 'yyyy.MM.dd', choices: [] },
      slashed: { kind: 'temporal', pattern: 'yyyy/MM/dd', choices: [] },
      korean: { kind: 'temporal', pattern: 'yyyy년 M월 d일', choices: [] },
      koreanDots: { kind: 'temporal', pattern: 'yyyy. M. d.', choices: [] },
      german: { kind: 'temporal', pattern: 'dd.MM.yyyy', choices: [] },
      monthName: { kind: 'temporal', pattern: 'MMM d, yyyy', choices: [] },
      oracle: { kind: 'temporal', pattern: 'dd-MMM-yyyy', choices: [] },
    });
  });

  it('reads 8-digit yyyyMMdd dates with lowered confidence, offering the integer', () => {
    const p = given('주문일자', repeated(['20240305', '20231231', '19991201'])).whenInferred();
    expect(p.format).toEqual({ kind: 'temporal', pattern: 'yyyyMMdd', choices: [] });
    expect(p.confidence).toBe(0.7);
    expect(p.reasons[1]).toBe(
      '8-digit values between 1900 and 2100 that read as yyyyMMdd dates: they also read as whole numbers',
    );
    expect(p.alternatives[0]).toMatchObject({ dataType: 'integer', share: 1 });
  });
});

describe('inference: timestamps', () => {
  it('reads ISO timestamps with zones, to be stored in UTC', () => {
    const p = given(
      'event_time',
      repeated(['2024-03-05T10:00:00Z', '2024-03-05T19:30:00+09:00', '2024-03-06T01:02:03-05:00']),
    ).whenInferred();
    expect(p.dataType).toBe('timestamp');
    expect(p.format).toEqual({ kind: 'temporal', pattern: "yyyy-MM-dd'T'HH:mm:ssXXX", choices: [] });
    expect(p.reasons).toEqual([
      "100% of 40 non-null values parse as ISO timestamps (yyyy-MM-dd'T'HH:mm:ssXXX)",
      'every time names its zone: times are converted to UTC',
    ]);
  });

  it('keeps times without a zone as written, and makes the time optional when some values have none', () => {
    const p = given(
      'updated',
      repeated(['2024-03-05 10:00:00', '2024-03-05 23:59:59.250', '2024-03-06']),
    ).whenInferred();
    expect(p.format).toEqual({ kind: 'temporal', pattern: 'yyyy-MM-dd[ HH:mm:ss[.SSS]]', choices: [] });
    expect(p.reasons).toEqual([
      '100% of 40 non-null values parse as timestamps in the form yyyy-MM-dd[ HH:mm:ss[.SSS]]',
      'no value names a time zone: times are kept as written',
      '13 values without a time (read as midnight)',
    ]);
  });

  it('reads 12-hour clocks, English and Korean', () => {
    expect(
      given('pickup', repeated(['03/25/2024 02:30 PM', '12/01/2023 11:05 AM'])).whenInferred().format,
    ).toMatchObject({
      pattern: 'MM/dd/yyyy hh:mm a',
    });
    expect(
      given('접수일시', repeated(['2024-03-05 오후 2:30', '2024-03-06 오전 11:05'])).whenInferred().format,
    ).toMatchObject({
      pattern: 'yyyy-MM-dd a h:mm',
    });
  });
});
