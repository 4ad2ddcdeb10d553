import type { DataType } from '../../ontology/model/data-type';
import { BOOLEAN_PAIRS } from './recognisers/boolean.recogniser';
import type { ParseFormat } from './inference.types';

/**
 * The format a user's override starts from when no proposal or alternative carries one: plain numbers with a
 * decimal point and no grouping, every yes/no token, ISO dates and timestamps, "lat,lon" points. Money in a
 * currency reads its symbols and code.
 */
export function defaultFormatFor(dataType: DataType): ParseFormat {
  const name = typeof dataType === 'string' ? dataType : dataType.type;
  switch (name) {
    case 'integer':
    case 'long':
    case 'decimal':
    case 'double':
      return { kind: 'number', decimalSeparator: '.', thousandsSeparator: null };
    case 'boolean':
      return {
        kind: 'boolean',
        trueTokens: BOOLEAN_PAIRS.flatMap((p) => p.true),
        falseTokens: BOOLEAN_PAIRS.flatMap((p) => p.false),
      };
    case 'date':
      return { kind: 'temporal', pattern: 'yyyy-MM-dd', choices: [] };
    case 'timestamp':
      return { kind: 'temporal', pattern: "yyyy-MM-dd['T'HH:mm[:ss[.SSSSSSSSS]]][XXX]", choices: [] };
    case 'money':
      return {
        kind: 'money',
        currency: (dataType as { currency: string }).currency,
        decimalSeparator: '.',
        thousandsSeparator: ',',
      };
    case 'geopoint':
      return { kind: 'geopoint', layout: 'lat,lon' };
    default:
      return { kind: 'text' };
  }
}
