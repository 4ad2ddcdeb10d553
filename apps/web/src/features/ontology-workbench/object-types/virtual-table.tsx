'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export interface Column<T> {
  readonly header: string;
  /** A CSS grid track: `minmax(10rem,1fr)`, `6rem`. */
  readonly width: string;
  readonly cell: (row: T) => ReactNode;
  readonly className?: string;
}

const ROW_HEIGHT = 28;

/**
 * A dense table that renders only the rows in view, for lists of thousands. ARIA table roles keep it a table
 * to assistive tech and tests; ↑/↓ move the active row, Enter opens it, Home/End jump.
 */
export function VirtualTable<T>({
  label,
  rows,
  columns,
  rowKey,
  onOpen,
}: {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  onOpen: (row: T) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const template = columns.map((c) => c.width).join(' ');

  useEffect(() => setActive((a) => Math.min(a, Math.max(rows.length - 1, 0))), [rows.length]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (step !== undefined) move(active + step);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === 'Enter' && rows[active]) onOpen(rows[active]);
    else return;
    e.preventDefault();
  };

  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} className="flex min-h-0 flex-1 flex-col text-[13px] tabular-nums">
      <div role="rowgroup">
        <div role="row" className="grid border-b border-zinc-200 bg-zinc-50" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div key={c.header} role="columnheader" className="flex h-7 items-center px-2 text-2xs font-semibold tracking-wide whitespace-nowrap text-zinc-500 uppercase">
              {c.header}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        tabIndex={0}
        aria-label={`${label}: ↑ ↓ to move, Enter to open`}
        onKeyDown={onKeyDown}
        className="min-h-0 flex-1 overflow-auto focus:outline-none"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={rowKey(row)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === active}
                onClick={() => onOpen(row)}
                onMouseEnter={() => setActive(item.index)}
                className={cn('absolute inset-x-0 grid cursor-pointer border-b border-zinc-100', item.index === active ? 'bg-accent-50' : 'hover:bg-zinc-50')}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
              >
                {columns.map((c) => (
                  <div key={c.header} role="cell" className={cn('flex items-center overflow-hidden px-2 whitespace-nowrap', c.className)}>
                    <span className="truncate">{c.cell(row)}</span>
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
