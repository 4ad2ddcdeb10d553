'use client';

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeEmphasis } from './emphasis-store';
import type { InterfaceFlowNode } from './flow-elements';
import { NODE_SIZE } from './graph-model';
import { NodeName } from './node-text';

// The width .og-interface leaves for its name: borders and padding.
const TEXT_WIDTH = NODE_SIZE.interface.width - 2 - 18;

/** An interface: dashed, because it is a contract object types implement rather than a kind of thing. */
export const InterfaceNode = memo(function InterfaceNode({ id, data: { iface } }: NodeProps<InterfaceFlowNode>) {
  const emphasis = useNodeEmphasis(id);
  return (
    <div className="og-node og-interface" data-emph={emphasis ?? undefined} title={`Interface ${iface.displayName} (${iface.apiName})`}>
      <span className="og-kind">interface</span>
      <NodeName name={iface.displayName} width={TEXT_WIDTH} weight="italic" />
    </div>
  );
});
