import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferColumn } from './column-accumulator';
import { ZDataType } from '../../ontology/model/data-type';
import { ZParseSpec } from './parse-spec.schema';
import { createValueParser } from './parse-value';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const day = fc.record({
  y: fc.integer({ min: 1950, max: 2049 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 31 }),
});
const time = fc.record({
  h: fc.integer({ min: 0, max: 23 }),
  mi: fc.integer({ min: 0, max: 59 }),
  s: fc.integer({ min: 0, max: 59 }),
});

/** Ways cells are written; a column takes most of its values from one and some from the others. */
const kinds: fc.Arbitrary<string>[] = [
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.integer({ min: 0, max: 1e9 }).map((n) => n.toLocaleString('en-US')),
  fc
    .tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 999 }))
    .map(([i, f]) => `${i}.${pad(f, 3)}`),
  fc
    .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }))
    .map(([i, f]) => `${i.toLocaleString('de-DE')},${pad(f)}`),
  fc.double({ noNaN: true, min: -1e12, max: 1e12 }).map(String),
  day.map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`),
  day.map(({ y, m, d }) => `${pad(d)}/${pad(m)}/${y}`),
  day.map(({ y, m, d }) => `${y}년 ${m}월 ${d}일`),
  fc
    .tuple(day, time)
    .map(([{ y, m, d }, { h, mi, s }]) => `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`),
  fc
    .tuple(day, time)
    .map(
      ([{ y, m, d }, { h, mi }]) =>
        `${y}-${pad(m)}-${pad(d)} ${h < 12 ? '오전' : '오후'} ${h % 12 || 12}:${pad(mi)}`,
    ),
  fc.constantFrom('Y', 'N', 'yes', 'no', '예', '아니오', 'true', 'FALSE', '0', '1'),
  fc.emailAddress(),
  fc.webUrl(),
  fc.integer({ min: 1000, max: 9999 }).map((n) => `010-${n}-${pad(n % 10000, 4)}`),
  fc
    .tuple(fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 0, max: 2 }))
    .map(([n, w]) => [`₩${n.toLocaleString('en-US')}`, `${n.toLocaleString('en-US')}원`, `$${n}.50`][w]!),
  fc
    .tuple(fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: -179, max: 179, noNaN: true }))
    .map(([a, b]) => `${a.toFixed(4)},${b.toFixed(4)}`),
  fc.integer({ min: 0, max: 99999 }).map((n) => `ABC-${pad(n, 5)}`),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'N/A', 'null', '-'),
];

const column = fc
  .tuple(
    fc.integer({ min: 0, max: kinds.length - 1 }),
    fc.integer({ min: 1, max: 120 }),
    fc.array(fc.integer({ min: 0, max: kinds.length - 1 }), { maxLength: 6 }),
  )
  .chain(([main, count, noise]) =>
    fc
      .tuple(
        fc.array(kinds[main]!, { minLength: count, maxLength: count }),
        fc.tuple(...noise.map((k) => kinds[k]!)),
      )
      .map(([a, b]) => [...a, ...b]),
  );

describe('inference and parseValue agree', () => {
  it('proposes valid types, and parseValue reads exactly the values inference counted', () => {
    fc.assert(
      fc.property(column, (values) => {
        const proposal = inferColumn('c', values);
        // Every proposal is a valid data type and parse spec, as the schema review will submit it.
        expect(ZDataType.safeParse(proposal.dataType).success).toBe(true);
        const { dataType, format, nullTokens } = proposal;
        expect(ZParseSpec.safeParse({ dataType, format, nullTokens }).error).toBeUndefined();
        if (proposal.format.kind === 'temporal' && proposal.format.pattern === null) return;
        const parse = createValueParser(proposal);
        const read = values.filter((v) => {
          const outcome = parse(v);
          return outcome.ok && outcome.value !== null;
        }).length;
        expect(read, `${JSON.stringify(proposal.dataType)} ${JSON.stringify(proposal.format)}`).toBe(
          proposal.matchCount,
        );
      }),
      { numRuns: 500, seed: 20241 },
    );
  });
});
