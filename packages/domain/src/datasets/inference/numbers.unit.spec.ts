import { describe, expect, it } from 'vitest';
import { given, repeated } from './specs/given';

describe('inference: numbers', () => {
  it('proposes integer for whole numbers within 32 bits', () => {
    const p = given('quantity', repeated(['1', '25', '-3', '400'])).whenInferred();
    expect(p.dataType).toBe('integer');
    expect(p.format).toEqual({ kind: 'number', decimalSeparator: '.', thousandsSeparator: null });
    expect(p.confidence).toBe(1);
    expect(p.reasons).toEqual([
      '100% of 40 non-null values are whole numbers within the 32-bit integer range',
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('proposes long when a value needs 64 bits, naming it', () => {
    const p = given('bytes', repeated(['12', '9876543210', '-5'])).whenInferred();
    expect(p.dataType).toBe('long');
    expect(p.reasons).toEqual([
      '100% of 40 non-null values are whole numbers',
      'the largest needs 64 bits (e.g. "9876543210"): long',
    ]);
  });

  it('proposes decimal with the precision and scale of the widest value', () => {
    const p = given('price', repeated(['1.5', '1234.25', '-0.125', '7'])).whenInferred();
    expect(p.dataType).toEqual({ type: 'decimal', precision: 7, scale: 3 });
    expect(p.reasons).toEqual([
      '100% of 40 non-null values are decimal numbers',
      'at most 4 integer digits and 3 decimals: decimal(7,3)',
    ]);
  });

  it('reads "," as the thousands separator and says so', () => {
    const p = given('population', repeated(['1,234,567', '12,000', '950'])).whenInferred();
    expect(p.dataType).toBe('integer');
    expect(p.format).toEqual({ kind: 'number', decimalSeparator: '.', thousandsSeparator: ',' });
    expect(p.reasons).toEqual([
      '100% of 40 non-null values are whole numbers within the 32-bit integer range',
      'thousands are grouped with "," in 27 values (e.g. "1,234,567")',
    ]);
  });

  it('reads "," as grouping when every value would also read with a decimal comma, and says so', () => {
    const p = given('amount', repeated(['1,234', '12,500', '950'])).whenInferred();
    expect(p.dataType).toBe('integer');
    expect(p.reasons.at(-1)).toBe(
      'every value also reads with "," as the decimal separator: "," is read as grouping, the more common use',
    );
  });

  it('reads a decimal comma with "." grouping (1.234,56)', () => {
    const p = given('betrag', repeated(['1.234,56', '17,5', '-3,25'])).whenInferred();
    expect(p.dataType).toEqual({ type: 'decimal', precision: 6, scale: 2 });
    expect(p.format).toEqual({ kind: 'number', decimalSeparator: ',', thousandsSeparator: '.' });
    expect(p.reasons).toEqual([
      '100% of 40 non-null values are decimal numbers',
      'thousands are grouped with "." in 14 values (e.g. "1.234,56")',
      'the decimal separator is "," (e.g. "1.234,56")',
      'at most 4 integer digits and 2 decimals: decimal(6,2)',
    ]);
  });

  it('proposes double for scientific notation and for fractions longer than a decimal keeps', () => {
    expect(given('k', repeated(['1.5e-7', '2', '3E+4'])).whenInferred().reasons).toEqual([
      '100% of 40 non-null values are numbers',
      'scientific notation, Infinity or NaN in 27 values (e.g. "1.5e-7"): double',
    ]);
    const computed = given('ratio', repeated(['0.30000000000000004', '0.1'])).whenInferred();
    expect(computed.dataType).toBe('double');
    expect(computed.reasons).toEqual([
      '100% of 40 non-null values are decimal numbers',
      'up to 17 digits after the point, more than the 9 a decimal keeps (values computed in floating point): double',
    ]);
  });

  it('keeps numbers with leading zeros as codes, and says why', () => {
    const p = given('zip', [
      '02134',
      '10001',
      '00501',
      '94105',
      '02139',
      '60614',
      '73301',
      '05401',
      '33101',
      '98101',
    ]).whenInferred();
    expect(p.dataType).toBe('string');
    expect(p.identifier).toBe(true);
    expect(p.reasons).toEqual([
      '100% of 10 non-null values are single tokens without spaces, 100% of them codes with digits or capitals (e.g. "02134")',
      'all are distinct: an identifier, kept as text',
      '4 values with a leading zero (e.g. "02134"), which a number would drop: codes, kept as text',
      'only 10 non-null values: confidence is lowered',
    ]);
    expect(p.alternatives[0]).toMatchObject({ dataType: 'integer', share: 1 });
  });

  it('tolerates a few bad values, warning that they will fail the commit', () => {
    const values = [...repeated(['10', '20', '30'], 97), 'unknown', '12a', '?'];
    const p = given('count', values).whenInferred();
    expect(p.dataType).toBe('integer');
    expect(p.matchCount).toBe(97);
    expect(p.confidence).toBe(0.97);
    expect(p.reasons).toEqual([
      '97.0% of 100 non-null values are whole numbers within the 32-bit integer range',
    ]);
    expect(p.warnings).toEqual([
      {
        code: 'unparseable-values',
        message:
          '3 values (3.0%) cannot be read as whole numbers and will fail the typed commit (e.g. "unknown", "12a", "?").',
      },
    ]);
  });

  it('falls back to text below 95%, naming the closest type', () => {
    const p = given('mixed', [
      ...Array.from({ length: 90 }, (_, i) => String(i % 30)),
      ...repeated(['n/a?', 'x'], 10),
    ]).whenInferred();
    expect(p.dataType).toBe('string');
    expect(p.confidence).toBe(0.5);
    expect(p.reasons).toEqual([
      '100% of 100 non-null values are text (e.g. "0", "1", "2")',
      'no type reads 95.0% of the values: the closest, whole numbers, reads 90.0% (not e.g. "n/a?", "x")',
    ]);
  });
});

describe('inference: a column of only 0 and 1', () => {
  it('is an integer when its name marks no flag, with boolean offered', () => {
    const p = given('visits', repeated(['0', '1', '1'])).whenInferred();
    expect(p.dataType).toBe('integer');
    expect(p.confidence).toBe(0.7);
    expect(p.reasons).toEqual([
      '100% of 40 non-null values are whole numbers within the 32-bit integer range',
      'only 0 and 1 appear: read as integers because the name "visits" does not mark a flag (is_…, has_…, …_yn, …_flag, …여부); choose boolean to read them as false/true',
    ]);
    expect(p.alternatives[0]).toMatchObject({
      dataType: 'boolean',
      format: { kind: 'boolean', trueTokens: ['1'], falseTokens: ['0'] },
      share: 1,
    });
  });

  it('is a boolean when its name marks a flag', () => {
    for (const column of ['is_active', 'hasChildren', 'deleted_flag', 'vip_yn', '수신여부']) {
      const p = given(column, repeated(['0', '1'])).whenInferred();
      expect(p.dataType, column).toBe('boolean');
      expect(p.confidence).toBe(0.85);
      expect(p.reasons.at(-1)).toBe(
        `only 0 and 1 appear and the name "${column}" marks a flag: read as false/true`,
      );
    }
  });
});

describe('inference: booleans', () => {
  it('reads each token pair, case-insensitively, and names the spellings', () => {
    const p = given('subscribed', repeated(['Y', 'N', 'y', 'Yes', 'no'], 50)).whenInferred();
    expect(p.dataType).toBe('boolean');
    expect(p.format).toEqual({ kind: 'boolean', trueTokens: ['y', 'yes'], falseTokens: ['n', 'no'] });
    expect(p.reasons).toEqual([
      '100% of 50 non-null values are yes/no values (Y/N, yes/no)',
      'true is written "Y" ×20, "Yes" ×10',
      'false is written "N" ×10, "no" ×10',
    ]);
  });

  it('reads Korean 예/아니오 and O/X', () => {
    expect(given('동의', repeated(['예', '아니오', '네', '아니요'])).whenInferred().format).toEqual({
      kind: 'boolean',
      trueTokens: ['예', '네'],
      falseTokens: ['아니오', '아니요'],
    });
    expect(given('참석', repeated(['O', 'X'])).whenInferred().dataType).toBe('boolean');
  });

  it('lowers its confidence when only one side appears', () => {
    const p = given('vip', repeated(['Y', null])).whenInferred();
    expect(p.dataType).toBe('boolean');
    expect(p.confidence).toBe(0.52);
    expect(p.reasons).toEqual([
      '100% of 20 non-null values are yes/no values (Y/N)',
      'true is written "Y" ×20',
      'only true values appear: the column may be a flag that is set or empty',
      '50.0% of 40 values are null (20 missing)',
      'only 20 non-null values: confidence is lowered',
    ]);
  });
});
