import type { Metadata } from 'next';
import { GraphBench } from '@/features/ontology/graph/graph-bench';

export const metadata: Metadata = { title: 'Ontology graph bench', robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * `pnpm bench:ontology-graph` and e2e/ontology-graph.spec.ts open this page; `?types=500&links=1000&seed=7` are
 * the defaults. It lives under /dev, which no navigation links to, so it can never shadow an ontology's own
 * pages under /ontology/[ontologyId] (an ontology may well be called `graph-bench`).
 */
export default async function GraphBenchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return <GraphBench types={count(params.types, 500, 5000)} links={count(params.links, 1000, 20000)} seed={count(params.seed, 7, 2 ** 31)} />;
}

function count(value: SearchParams[string], fallback: number, max: number): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}
