import { describe, expect, it } from 'vitest';
import { ZDatasetColumn } from '../dataset/dataset-schema';
import { columnCast, sqlIdentifier, sqlLiteral } from './cast-sql';

describe('the cast compiler', () => {
  it('quotes names and tokens so no user text becomes SQL', () => {
    expect(sqlIdentifier('a"b')).toBe('"a""b"');
    expect(sqlLiteral("it's")).toBe("'it''s'");
    const cast = columnCast(ZDatasetColumn.parse({ name: 'x"; DROP TABLE t; --', dataType: 'boolean', format: { trueTokens: ["o'k"], nullTokens: ["n'a"] } }));
    expect(cast.value).toContain('"x""; DROP TABLE t; --"');
    expect(cast.value).toContain("'o''k'");
    expect(cast.present).toContain("'n''a'");
  });

  it('refuses formats with quotes before they reach the compiler', () => {
    const parsed = ZDatasetColumn.safeParse({ name: 'd', dataType: 'date', format: { dateFormat: "%Y'); DROP" } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['format', 'dateFormat'], message: 'must not contain quotes or backslashes' });
  });

  it('describes what each type expects, for the report', () => {
    const expected = (input: Record<string, unknown>) => columnCast(ZDatasetColumn.parse({ name: 'c', ...input })).expected;
    expect(expected({ dataType: { type: 'money', currency: 'KRW' }, format: { thousandsSeparator: ',', currencyTokens: ['₩', '원'] } })).toBe(
      'an amount of KRW (thousands separator ",")',
    );
    expect(expected({ dataType: { type: 'enum', values: ['A', 'B'] } })).toBe('one of A, B');
    expect(expected({ dataType: 'timestamp' })).toBe('a timestamp (ISO 8601)');
  });

  it('reads the text through a table alias when the query joins two files', () => {
    expect(columnCast(ZDatasetColumn.parse({ name: 'c', dataType: 'integer' }), 't').present).toBe('coalesce(trim(t."c") <> \'\', false)');
  });
});
