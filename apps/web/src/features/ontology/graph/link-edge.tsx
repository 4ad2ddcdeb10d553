'use client';

import type { EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEdgeEmphasised } from './emphasis-store';
import type { ImplementsFlowEdge, LinkFlowEdge } from './flow-elements';
import { CARDINALITY_SHORT, CHIP_WIDTH, LABEL_GAP, LABEL_HEIGHT, LABEL_PADDING, linkNames } from './graph-model';

/**
 * A link type along the route the layout drew, with its cardinality and, zoomed in, both directions' names.
 * SVG text instead of React Flow's HTML label layer: a thousand labels stay in one SVG and cost no portals.
 */
export const LinkEdge = memo(function LinkEdge({ id, data }: EdgeProps<LinkFlowEdge>) {
  const emphasised = useEdgeEmphasised(id);
  if (!data) return null;
  const { link, labelCentre } = data;
  const width = data.labelWidth;
  const left = -width / 2;
  const cardinality = CARDINALITY_SHORT[link.cardinality];
  return (
    <g className="og-edge og-link" data-emph={emphasised || undefined}>
      <title>{`${link.apiName}: ${link.forwardName} (${cardinality}) / ${link.reverseName}`}</title>
      <path className="og-edge-path" d={data.path} />
      <path className="og-edge-arrow" d={data.arrow} />
      <g className="og-edge-label" transform={`translate(${labelCentre.x},${labelCentre.y})`}>
        <rect className="og-label-box" x={left} y={-LABEL_HEIGHT / 2} width={width} height={LABEL_HEIGHT} rx={3} />
        <rect className="og-chip" x={left + LABEL_PADDING / 2} y={-LABEL_HEIGHT / 2 + 2} width={CHIP_WIDTH} height={LABEL_HEIGHT - 4} rx={2} />
        <text className="og-chip-text" x={left + LABEL_PADDING / 2 + CHIP_WIDTH / 2} y={0.5} textAnchor="middle" dominantBaseline="middle">
          {cardinality}
        </text>
        <text className="og-names" x={left + LABEL_PADDING + CHIP_WIDTH + LABEL_GAP} y={0.5} dominantBaseline="middle">
          {linkNames(link)}
        </text>
      </g>
      {/* Halfway zoomed out the names are unreadable; the cardinality alone sits on the route. */}
      <g className="og-edge-chip" transform={`translate(${labelCentre.x},${labelCentre.y})`}>
        <rect className="og-chip" x={-CHIP_WIDTH / 2} y={-(LABEL_HEIGHT - 4) / 2} width={CHIP_WIDTH} height={LABEL_HEIGHT - 4} rx={2} />
        <text className="og-chip-text" y={0.5} textAnchor="middle" dominantBaseline="middle">
          {cardinality}
        </text>
      </g>
    </g>
  );
});

export const ImplementsEdge = memo(function ImplementsEdge({ id, data }: EdgeProps<ImplementsFlowEdge>) {
  const emphasised = useEdgeEmphasised(id);
  if (!data) return null;
  return (
    <g className="og-edge og-implements" data-emph={emphasised || undefined}>
      <title>implements</title>
      <path className="og-edge-path" d={data.path} />
      <path className="og-edge-arrow" d={data.arrow} />
    </g>
  );
});
