import { describe, expect, it } from 'vitest';
import { describeFormat, isOverridden, withDatePattern, withType, type DraftColumn } from './schema-draft';

const amount: DraftColumn = {
  name: '금액',
  dataType: { type: 'money', currency: 'KRW' },
  nullable: true,
  format: { currencyTokens: ['₩'], thousandsSeparator: ',', nullTokens: ['-'] },
  description: '',
};

describe('withType', () => {
  it('keeps only the format fields the new type reads', () => {
    expect(withType(amount, 'string', amount).format).toEqual({ nullTokens: ['-'] });
    expect(withType(amount, 'long', amount).format).toEqual({ thousandsSeparator: ',', nullTokens: ['-'] });
  });

  it('restores the proposed format when the proposed type comes back', () => {
    const text = withType(amount, 'string', amount);
    expect(withType(text, { type: 'money', currency: 'KRW' }, amount)).toEqual(amount);
  });
});

describe('withDatePattern', () => {
  const joined: DraftColumn = { name: '가입일', dataType: 'string', nullable: true, format: {}, description: '' };

  it('turns an ambiguous column into a date read with the chosen pattern', () => {
    expect(withDatePattern(joined, 'dd/MM/yyyy')).toEqual({ ...joined, dataType: 'date', format: { dateFormat: '%d/%m/%Y' } });
    expect(withDatePattern(joined, 'MM/dd/yyyy')?.format).toEqual({ dateFormat: '%m/%d/%Y' });
  });

  it('makes a timestamp of a pattern with a time', () => {
    expect(withDatePattern(joined, 'dd/MM/yyyy HH:mm')).toMatchObject({ dataType: 'timestamp', format: { timestampFormat: '%d/%m/%Y %H:%M' } });
  });

  it('refuses a pattern strptime cannot express', () => {
    expect(withDatePattern(joined, 'dd/MM/yyyy[ HH:mm]')).toBeNull();
  });
});

describe('isOverridden and describeFormat', () => {
  it('notices a changed type, nullability or format', () => {
    expect(isOverridden(amount, amount)).toBe(false);
    expect(isOverridden({ ...amount, nullable: false }, amount)).toBe(true);
    expect(isOverridden(withType(amount, 'string', amount), amount)).toBe(true);
  });

  it('says the format in a few words', () => {
    expect(describeFormat(amount.format)).toBe('₩ · thousands , · null: -');
    expect(describeFormat({ trueTokens: ['예'], falseTokens: ['아니오'] })).toBe('예 | 아니오');
  });
});
