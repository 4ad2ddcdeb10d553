'use client';

import { useCallback, useMemo, useState } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { generateBenchOntology } from './bench-ontology';
import { OntologyGraph } from './ontology-graph';
import type { GraphTiming } from './ontology-graph.types';

export interface GraphBenchResult extends GraphTiming {
  types: number;
  links: number;
  /** ms from the navigation's start until the graph was on screen. */
  readyAt: number;
}

declare global {
  interface Window {
    __graphBench?: GraphBenchResult;
  }
}

/** The ontology graph over a generated ontology, publishing its timings on `window.__graphBench` for the bench script. */
export function GraphBench({ types, links, seed }: { types: number; links: number; seed: number }) {
  const ontology = useMemo(() => generateBenchOntology({ types, links, seed }), [types, links, seed]);
  const [selected, setSelected] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [timing, setTiming] = useState<GraphTiming | null>(null);
  const nameOf = (id: string | null) => (id ? (ontology.objectTypes.find((t) => t.id === id)?.displayName ?? ontology.interfaces.find((i) => i.id === id)?.displayName ?? id) : 'none');

  const onRendered = useCallback(
    (t: GraphTiming) => {
      window.__graphBench = { ...t, types, links, readyAt: performance.now() };
      setTiming(t);
    },
    [types, links],
  );

  return (
    <>
      <PageHeader
        section="Developer bench"
        title="Graph bench"
        description={`A generated ontology of ${types.toLocaleString('en')} object types and ${links.toLocaleString('en')} link types (seed ${seed}); set ?types=&links=&seed= to change it.`}
        actions={
          <dl className="flex gap-4 text-2xs text-zinc-600">
            <Figure label="Layout" value={timing ? `${Math.round(timing.layoutMs)} ms` : '…'} />
            <Figure label="Render" value={timing ? `${Math.round(timing.renderMs)} ms` : '…'} />
            <Figure label="Selected" value={nameOf(selected)} />
            <Figure label="Opened" value={nameOf(opened)} />
          </dl>
        }
      />
      <OntologyGraph
        objectTypes={ontology.objectTypes}
        interfaces={ontology.interfaces}
        implementsEdges={ontology.implementsEdges}
        linkTypes={ontology.linkTypes}
        selectedId={selected}
        onSelect={setSelected}
        onOpen={setOpened}
        onRendered={onRendered}
      />
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div role="group" aria-label={label} className="flex gap-1">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="font-medium text-zinc-800">{value}</dd>
    </div>
  );
}
