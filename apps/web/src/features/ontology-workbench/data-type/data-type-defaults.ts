import { SIMPLE_DATA_TYPES, type DataType, type SimpleDataType } from '@spice/domain';

export const PARAMETERISED = ['decimal', 'array', 'struct', 'money', 'enum'] as const;
export type DataTypeName = SimpleDataType | (typeof PARAMETERISED)[number];

export const dataTypeNameOf = (t: DataType): DataTypeName => (typeof t === 'string' ? t : t.type);

export const isSimple = (name: string): name is SimpleDataType => (SIMPLE_DATA_TYPES as readonly string[]).includes(name);

/** The type a picker switches to when its name changes: parameters start from sensible values. */
export function dataTypeFor(name: DataTypeName, previous: DataType): DataType {
  if (isSimple(name)) return name;
  switch (name) {
    case 'decimal':
      return { type: 'decimal', precision: 18, scale: 2 };
    case 'array':
      return { type: 'array', elementType: typeof previous === 'string' ? previous : 'string' };
    case 'struct':
      return { type: 'struct', fields: [{ name: 'value', dataType: typeof previous === 'string' ? previous : 'string' }] };
    case 'money':
      return { type: 'money', currency: 'USD' };
    case 'enum':
      return { type: 'enum', values: ['A', 'B'] };
  }
}

/** Comma-separated enum values as typed, without empty entries. */
export const parseEnumValues = (text: string): string[] =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
