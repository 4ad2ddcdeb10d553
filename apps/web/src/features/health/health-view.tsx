'use client';

import { useSuspenseQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { useTRPC } from '@/trpc/react';

const REFRESH_MS = 5_000;

export function HealthView() {
  const trpc = useTRPC();
  const { data: components, dataUpdatedAt } = useSuspenseQuery({
    ...trpc.system.getHealth.queryOptions(),
    refetchInterval: REFRESH_MS,
  });
  const down = components.filter((c) => !c.up).length;
  return (
    <>
      <PageHeader
        section="Admin"
        title="Health"
        description="Which adapter backs each component of this deployment, and whether it answers."
        actions={down === 0 ? <Badge tone="green" dot>All {components.length} components up</Badge> : <Badge tone="red" dot>{down} down</Badge>}
      />
      <div className="p-3">
        <Panel title="Components" meta={`refreshes every ${REFRESH_MS / 1000}s · checked ${new Date(dataUpdatedAt).toISOString().slice(11, 19)} UTC`}>
          <Table aria-label="Components">
            <THead>
              <tr>
                <TH>Component</TH>
                <TH>Adapter</TH>
                <TH>Mode</TH>
                <TH>Status</TH>
                <TH className="w-full">Detail</TH>
              </tr>
            </THead>
            <TBody>
              {components.map((c) => (
                <TR key={c.component}>
                  <TD className="font-medium">{c.component}</TD>
                  <TD className="font-mono text-xs">{c.adapter}</TD>
                  <TD>
                    <Badge tone={c.mode === 'real' ? 'blue' : 'neutral'}>{c.mode}</Badge>
                  </TD>
                  <TD>{c.up ? <Badge tone="green" dot>up</Badge> : <Badge tone="red" dot>down</Badge>}</TD>
                  <TD className="max-w-0 truncate text-xs text-zinc-600" title={c.detail}>
                    {c.detail ?? '—'}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Panel>
      </div>
    </>
  );
}
