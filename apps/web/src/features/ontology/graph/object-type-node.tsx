'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { useNodeEmphasis } from './emphasis-store';
import type { ObjectTypeFlowNode } from './flow-elements';
import type { GraphObjectType } from './ontology-graph.types';

/** One object type: colour, name, API name, property count and key; the level of detail follows the zoom (CSS). */
export const ObjectTypeNode = memo(function ObjectTypeNode({ id, data: { objectType: t } }: NodeProps<ObjectTypeFlowNode>) {
  const emphasis = useNodeEmphasis(id);
  return (
    <div
      className="og-node og-object"
      data-emph={emphasis ?? undefined}
      data-status={t.status}
      style={t.color ? ({ '--og-color': t.color } as CSSProperties) : undefined}
      title={describe(t)}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="og-handle" />
      <span className="og-tile" aria-hidden>
        {glyph(t)}
      </span>
      <span className="og-text">
        <span className="og-name">{t.displayName}</span>
        <span className="og-meta">
          <code>{t.apiName}</code> · {t.propertyCount} {t.propertyCount === 1 ? 'prop' : 'props'} ·{' '}
          {t.primaryKey ? (
            <>
              key <code>{t.primaryKey}</code>
            </>
          ) : (
            'no key'
          )}
        </span>
      </span>
      {t.status === 'active' ? null : <span className="og-status">{t.status === 'experimental' ? 'exp' : 'depr'}</span>}
      <Handle type="source" position={Position.Right} isConnectable={false} className="og-handle" />
    </div>
  );
});

/** A one- or two-character icon (an emoji, a symbol) is drawn; an icon name is not ours to draw, so the initial is. */
function glyph(t: GraphObjectType): string {
  if (t.icon && [...t.icon].length <= 2) return t.icon;
  return (t.displayName.trim()[0] ?? t.apiName[0] ?? '?').toUpperCase();
}

function describe(t: GraphObjectType): string {
  return `${t.displayName} (${t.apiName}), ${t.status}, ${t.propertyCount} properties, ${t.primaryKey ? `primary key ${t.primaryKey}` : 'no primary key'}`;
}
