import { describe, expect, it } from 'vitest';
import { createColumnAccumulator, createTableInference, inferTable } from './column-accumulator';

describe('table inference', () => {
  it('infers every column from rows fed one at a time; a short row’s missing cells are null', () => {
    const table = createTableInference(['id', 'name', 'joined']);
    table.addRow(['1', '김민준', '2024-03-05']);
    table.addRow(['2', 'Lee']);
    table.addRow(['3', '박도윤', '2024-03-07']);
    const proposal = table.conclude();
    expect(proposal.rowCount).toBe(3);
    expect(proposal.columns.map((c) => [c.column, c.dataType, c.nulls.missing])).toEqual([
      ['id', 'integer', 0],
      ['name', 'string', 0],
      ['joined', 'date', 1],
    ]);
  });

  it('gives the same proposal for rows as an iterable', () => {
    const rows = [
      ['Y', '1.5'],
      ['N', '2.25'],
    ];
    const streamed = createTableInference(['paid', 'amount']);
    for (const r of rows) streamed.addRow(r);
    expect(inferTable(['paid', 'amount'], rows)).toEqual(streamed.conclude());
  });

  it('can conclude, take more values and conclude again', () => {
    const acc = createColumnAccumulator('n');
    acc.add('1');
    expect(acc.conclude().dataType).toBe('integer');
    acc.add('1.5');
    expect(acc.conclude().dataType).toEqual({ type: 'decimal', precision: 2, scale: 1 });
  });
});
