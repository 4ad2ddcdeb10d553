import { describe, expect, it } from 'vitest';
import { valuesToCsv } from './values-to-csv';

describe('Sheets values as CSV', () => {
  it('pads the rows the API trimmed and quotes what needs it', () => {
    expect(valuesToCsv([['id', 'name', 'note'], ['S1', 'Aurora'], ['S2', 'Borealis, "B"', ' multi\nline'], []])).toBe(
      'id,name,note\r\nS1,Aurora,\r\nS2,"Borealis, ""B"""," multi\nline"\r\n,,\r\n',
    );
  });

  it('no values is an empty file', () => {
    expect(valuesToCsv([])).toBe('');
  });
});
