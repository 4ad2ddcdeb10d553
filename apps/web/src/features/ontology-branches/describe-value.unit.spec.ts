import { describe, expect, it } from 'vitest';
import { dataTypePathOf, describePath, describeValue, valueAtPath } from './describe-value';

describe('describeValue', () => {
  it('names data types instead of showing their JSON', () => {
    expect(describeValue({ type: 'decimal', precision: 10, scale: 2 }, 'properties.tonnage.dataType')).toBe(
      'decimal(10,2)',
    );
    expect(describeValue({ type: 'array', elementType: 'string' }, 'baseType')).toBe('array<string>');
  });

  it('shows a property as name and type, and a list of them in order', () => {
    const imo = { apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true };
    const tonnage = { apiName: 'tonnage', displayName: 'Tonnage', dataType: 'double', required: false };
    expect(describeValue(imo)).toBe('imo: string (required)');
    expect(describeValue([imo, tonnage], 'properties')).toBe('imo: string (required), tonnage: double');
  });

  it('says empty, none and missing in words', () => {
    expect(describeValue('')).toBe('(empty)');
    expect(describeValue([])).toBe('(none)');
    expect(describeValue(null)).toBe('—');
    expect(describeValue(false)).toBe('no');
  });

  it('shows other records as their non-empty fields', () => {
    expect(describeValue({ reason: 'old', deadline: '2026-01-01', replacement: null })).toBe(
      'reason: old; deadline: 2026-01-01',
    );
  });
});

describe('describePath', () => {
  it('keeps item names verbatim and humanises field names', () => {
    expect(describePath('properties.tonnage.dataType')).toBe('Properties › tonnage › Data type');
    expect(describePath('displayName')).toBe('Display name');
    expect(describePath('(entity)')).toBe('Whole entity');
    expect(describePath('forward.translations.ko.displayName')).toBe(
      'Forward › Translations › ko › Display name',
    );
  });
});

describe('changes inside a data type', () => {
  const ship = {
    apiName: 'Ship',
    properties: [{ apiName: 'tonnage', dataType: { type: 'decimal', precision: 12, scale: 2 } }],
  };

  it('are shown as the whole data type', () => {
    expect(dataTypePathOf('properties.tonnage.dataType.precision')).toBe('properties.tonnage.dataType');
    expect(dataTypePathOf('properties.tonnage.displayName')).toBe('properties.tonnage.displayName');
    expect(dataTypePathOf('properties.tonnage.dataType')).toBe('properties.tonnage.dataType');
  });

  it('finds the value at a path through named list items', () => {
    expect(
      describeValue(valueAtPath(ship, 'properties.tonnage.dataType'), 'properties.tonnage.dataType'),
    ).toBe('decimal(12,2)');
    expect(valueAtPath(ship, 'properties.missing.dataType')).toBeUndefined();
  });
});
