'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeEmphasis } from './emphasis-store';
import type { InterfaceFlowNode } from './flow-elements';

/** An interface: dashed, because it is a contract object types implement rather than a kind of thing. */
export const InterfaceNode = memo(function InterfaceNode({ id, data: { iface } }: NodeProps<InterfaceFlowNode>) {
  const emphasis = useNodeEmphasis(id);
  return (
    <div className="og-node og-interface" data-emph={emphasis ?? undefined} title={`Interface ${iface.displayName} (${iface.apiName})`}>
      <Handle type="target" position={Position.Left} isConnectable={false} className="og-handle" />
      <span className="og-kind">interface</span>
      <span className="og-name">{iface.displayName}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} className="og-handle" />
    </div>
  );
});
