import { describe, expect, it } from 'vitest';
import { given, repeated } from './specs/given';

describe('inference: contacts', () => {
  it('proposes email, url and phone for their values', () => {
    const email = given(
      'email',
      repeated(['kim@example.co.kr', 'J.Smith+news@mail.example.com']),
    ).whenInferred();
    expect([email.dataType, email.reasons]).toEqual([
      'email',
      ['100% of 40 non-null values are e-mail addresses'],
    ]);
    const url = given(
      'homepage',
      repeated(['https://example.com/a?b=1', 'www.naver.com', 'ftp://files.example.org']),
    ).whenInferred();
    expect([url.dataType, url.reasons]).toEqual([
      'url',
      ['100% of 40 non-null values are URLs (http, https, ftp or www.)'],
    ]);
  });

  it('reads Korean and international phone numbers', () => {
    const p = given(
      '연락처',
      repeated([
        '010-1234-5678',
        '02-123-4567',
        '031)123-4567',
        '01098765432',
        '+82 10-9876-5432',
        '1588-1234',
        '+1 (555) 123-4567',
      ]),
    ).whenInferred();
    expect(p.dataType).toBe('phone');
    expect(p.reasons).toEqual(['100% of 40 non-null values are phone numbers (e.g. "010-1234-5678")']);
  });

  it('reads bare digit runs as phone numbers only when the name says phone', () => {
    const values = Array.from(
      { length: 39 },
      (_, i) => [`(555) 123-${4000 + i}`, `555${1000000 + i}`, `555-987-${6000 + i}`][i % 3]!,
    );
    const named = given('phone', values).whenInferred();
    expect(named.dataType).toBe('phone');
    expect(named.reasons[1]).toBe(
      'the name "phone" says phone: 13 values written as bare digits are read as phone numbers too',
    );
    expect(given('reference', values).whenInferred().dataType).toBe('string');
  });
});

describe('inference: money', () => {
  it('reads won amounts written with ₩ or 원, and bare amounts in the same currency', () => {
    const p = given('결제금액', repeated(['₩1,000', '25,000원', '₩3,500', '12000'])).whenInferred();
    expect(p.dataType).toEqual({ type: 'money', currency: 'KRW' });
    expect(p.format).toEqual({
      kind: 'money',
      currency: 'KRW',
      decimalSeparator: '.',
      thousandsSeparator: ',',
    });
    expect(p.reasons).toEqual([
      '100% of 40 non-null values are amounts in KRW (written with "₩", "원", e.g. "₩1,000")',
      'thousands are grouped with "," in 30 values (e.g. "₩1,000")',
      '10 values without a currency sign are read as KRW',
    ]);
  });

  it('reads dollars, euros with codes, and a decimal comma', () => {
    expect(given('price', repeated(['$12.50', '-$5.00', '$1,234.99'])).whenInferred().dataType).toEqual({
      type: 'money',
      currency: 'USD',
    });
    expect(given('fee', repeated(['EUR 3.20', 'EUR 10.00'])).whenInferred().dataType).toEqual({
      type: 'money',
      currency: 'EUR',
    });
    expect(given('preis', repeated(['3,20 €', '1.234,50 €'])).whenInferred().format).toEqual({
      kind: 'money',
      currency: 'EUR',
      decimalSeparator: ',',
      thousandsSeparator: '.',
    });
  });

  it('warns about values in another currency', () => {
    const p = given('price', [...repeated(['$12.50', '$3.00'], 39), '€4.00']).whenInferred();
    expect(p.dataType).toEqual({ type: 'money', currency: 'USD' });
    expect(p.warnings[0]).toEqual({
      code: 'mixed-currencies',
      message: '1 value in other currencies (EUR, e.g. "€4.00") will fail as USD.',
    });
  });
});

describe('inference: geopoints', () => {
  it('reads "lat,lon" pairs and WKT points', () => {
    const latLon = given('좌표', repeated(['37.5665,126.9780', '35.1796, 129.0756'])).whenInferred();
    expect([latLon.dataType, latLon.format]).toEqual(['geopoint', { kind: 'geopoint', layout: 'lat,lon' }]);
    expect(latLon.reasons).toEqual([
      '100% of 40 non-null values are "latitude,longitude" pairs within range (e.g. "37.5665,126.9780")',
    ]);
    const wkt = given(
      'geom',
      repeated(['POINT(126.9780 37.5665)', 'POINT (-73.9857 40.7484)']),
    ).whenInferred();
    expect(wkt.format).toEqual({ kind: 'geopoint', layout: 'POINT(lon lat)' });
  });
});

describe('inference: enum, identifier and text', () => {
  it('proposes an enum for a few values that repeat, and states the rule', () => {
    const p = given('시도', repeated(['서울특별시', '부산광역시', '서울특별시', '경기도'])).whenInferred();
    expect(p.dataType).toEqual({ type: 'enum', values: ['서울특별시', '경기도', '부산광역시'] });
    expect(p.confidence).toBe(0.9);
    expect(p.reasons).toEqual([
      '100% of 40 non-null values take 3 distinct values ("서울특별시" ×20, "경기도" ×10, "부산광역시" ×10)',
      'each value appears 13.3 times on average: an enum (at most 20 distinct values, each appearing at least 3 times on average, none longer than 50 characters)',
    ]);
  });

  it('keeps free text with many distinct values as a string', () => {
    const names = [
      '김민준',
      '이서연',
      '박도윤',
      '최지우',
      '정하준',
      '강서윤',
      '조예준',
      '윤하은',
      '장시우',
      '임지호',
    ];
    const p = given('이름', names).whenInferred();
    expect(p.dataType).toBe('string');
    expect(p.identifier).toBe(false);
    expect(p.reasons[0]).toBe('100% of 10 non-null values are text (e.g. "김민준", "이서연", "박도윤")');
  });

  it('flags distinct codes as an identifier', () => {
    const codes = Array.from({ length: 50 }, (_, i) => `ABC-${String(123 + i).padStart(5, '0')}`);
    const p = given('order_code', codes).whenInferred();
    expect([p.dataType, p.identifier, p.confidence]).toEqual(['string', true, 0.9]);
    expect(p.reasons).toEqual([
      '100% of 50 non-null values are single tokens without spaces, 100% of them codes with digits or capitals (e.g. "ABC-00123")',
      'all are distinct: an identifier, kept as text',
    ]);
  });
});

describe('inference: nulls', () => {
  it('counts the default null tokens case-insensitively and reports each spelling', () => {
    const p = given('age', [
      ...repeated(['31', '45'], 36),
      '',
      'NULL',
      'n/a',
      '-',
      null,
      'N/A',
    ]).whenInferred();
    expect(p.dataType).toBe('integer');
    expect(p.nulls).toEqual({
      count: 6,
      share: 6 / 42,
      missing: 1,
      tokens: [
        { token: '', count: 1 },
        { token: 'NULL', count: 1 },
        { token: 'n/a', count: 1 },
        { token: '-', count: 1 },
        { token: 'N/A', count: 1 },
      ],
    });
    expect(p.reasons.at(-1)).toBe(
      '14.3% of 42 values are null (1 missing, 1 empty, 1 "NULL", 1 "n/a", 1 "-", 1 "N/A")',
    );
  });

  it('takes configured null tokens instead of the defaults', () => {
    const p = given('rate', [...repeated(['0.5', '1.25'], 38), 'NA', '-'], {
      nullTokens: ['', 'NA'],
    }).whenInferred();
    expect(p.nullTokens).toEqual(['', 'NA']);
    expect(p.nulls.tokens).toEqual([{ token: 'NA', count: 1 }]);
    expect(p.matchCount).toBe(38);
    expect(p.warnings[0]?.message).toBe(
      '1 value (2.6%) cannot be read as decimal numbers and will fail the typed commit (e.g. "-").',
    );
  });

  it('proposes text with no confidence for a column of nulls', () => {
    const p = given('empty', ['', null, 'NULL']).whenInferred();
    expect([p.dataType, p.confidence]).toEqual(['string', 0]);
    expect(p.warnings).toEqual([
      {
        code: 'all-null',
        message: 'No value to infer a type from: all 3 values are null; proposed as text.',
      },
    ]);
  });
});
