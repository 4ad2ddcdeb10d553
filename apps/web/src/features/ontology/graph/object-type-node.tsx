'use client';

import type { NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { useNodeEmphasis } from './emphasis-store';
import type { ObjectTypeFlowNode } from './flow-elements';
import { NODE_SIZE } from './graph-model';
import { NodeMeta, NodeName, statusWidth } from './node-text';
import type { GraphObjectType } from './ontology-graph.types';

// What .og-node leaves for the text beside the tile: borders, padding, the tile and the gap after it.
const TEXT_WIDTH = NODE_SIZE.objectType.width - 2 - 18 - 24 - 8;
const GAP = 8;

/** One object type: colour, name, API name, property count and key; the level of detail follows the zoom (CSS). */
export const ObjectTypeNode = memo(function ObjectTypeNode({ id, data: { objectType: t } }: NodeProps<ObjectTypeFlowNode>) {
  const emphasis = useNodeEmphasis(id);
  const status = t.status === 'active' ? null : t.status === 'experimental' ? 'exp' : 'depr';
  return (
    <div
      className="og-node og-object"
      data-emph={emphasis ?? undefined}
      data-status={t.status}
      style={t.color ? ({ '--og-color': t.color } as CSSProperties) : undefined}
      title={describe(t)}
    >
      <span className="og-tile" aria-hidden>
        {glyph(t)}
      </span>
      <span className="og-text">
        <NodeName name={t.displayName} width={status ? TEXT_WIDTH - statusWidth(status, GAP) : TEXT_WIDTH} weight="bold" />
        <NodeMeta parts={metaParts(t)} width={TEXT_WIDTH} />
      </span>
      {status ? <span className="og-status">{status}</span> : null}
    </div>
  );
});

/** A one- or two-character icon (an emoji, a symbol) is drawn; an icon name is not ours to draw, so the initial is. */
function glyph(t: GraphObjectType): string {
  if (t.icon && [...t.icon].length <= 2) return t.icon;
  return (t.displayName.trim()[0] ?? t.apiName[0] ?? '?').toUpperCase();
}

function metaParts(t: GraphObjectType): string[] {
  const props = ` · ${t.propertyCount} ${t.propertyCount === 1 ? 'prop' : 'props'} · `;
  return t.primaryKey ? [t.apiName, `${props}key `, t.primaryKey] : [t.apiName, `${props}no key`];
}

function describe(t: GraphObjectType): string {
  return `${t.displayName} (${t.apiName}), ${t.status}, ${t.propertyCount} properties, ${t.primaryKey ? `primary key ${t.primaryKey}` : 'no primary key'}`;
}
