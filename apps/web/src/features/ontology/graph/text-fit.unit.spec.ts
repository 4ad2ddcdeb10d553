import { describe, expect, it } from 'vitest';
import { fitRuns, fitText, type Measure } from './text-fit';

// One unit per character, two in the "wide" font.
const measure: Measure = (text, font) => [...text].length * (font === 'wide' ? 2 : 1);

describe('fitting text to a width', () => {
  it('leaves text that fits alone', () => {
    expect(fitText('Customer', 'plain', 8, measure)).toBe('Customer');
  });

  it('cuts text that does not fit and ends it with an ellipsis, inside the width', () => {
    expect(fitText('Customer order line', 'plain', 10, measure)).toBe('Customer…');
    expect(fitText('Customer order line', 'wide', 10, measure)).toBe('Cust…');
  });

  it('drops the space before the ellipsis', () => {
    expect(fitText('Ab cdef', 'plain', 4, measure)).toBe('Ab…');
  });

  it('keeps whole runs while they fit, cuts the first that does not and drops the rest', () => {
    const runs = [
      { text: 'orderId', font: 'plain' },
      { text: ' · key ', font: 'plain' },
      { text: 'customerNumber', font: 'plain' },
      { text: ' more', font: 'plain' },
    ];
    expect(fitRuns(runs, 20, measure).map((r) => r.text)).toEqual(['orderId', ' · key ', 'custo…']);
    expect(fitRuns(runs, 100, measure)).toEqual(runs);
  });

  it('leaves only the ellipsis when not even one character fits', () => {
    expect(fitText('Customer', 'wide', 2, measure)).toBe('…');
  });
});
