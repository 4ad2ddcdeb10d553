'use client';

import { elementScroll, observeElementOffset, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useMemo, type RefObject } from 'react';

/**
 * Browsers stop laying out elements past roughly 16–33 million pixels, so a few million 26px rows cannot be one
 * tall div. Past `maxPixels` the scrollbar is compressed: the real scroll position maps linearly onto the virtual
 * one (top to top, bottom to bottom), and rows are drawn at `realTop(item)`. Below it the mapping is the identity.
 */
export function useScaledVirtualizer({
  count,
  rowHeight,
  scrollRef,
  maxPixels = 8_000_000,
}: {
  count: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  maxPixels?: number;
}) {
  const virtualTotal = count * rowHeight;
  const realTotal = Math.min(virtualTotal, maxPixels);
  const scaling = useMemo(() => {
    const viewport = () => scrollRef.current?.clientHeight ?? 0;
    const ratio = () => {
      const h = viewport();
      return realTotal - h > 0 ? (virtualTotal - h) / (realTotal - h) : 1;
    };
    return {
      toVirtual: (real: number) => (virtualTotal === realTotal ? real : real * ratio()),
      toReal: (virtual: number) => (virtualTotal === realTotal ? virtual : virtual / ratio()),
    };
  }, [virtualTotal, realTotal, scrollRef]);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    observeElementOffset: (instance, cb) => observeElementOffset(instance, (offset, isScrolling) => cb(scaling.toVirtual(offset), isScrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(scaling.toReal(offset + (options.adjustments ?? 0)), { behavior: options.behavior }, instance),
  });

  const offset = virtualizer.scrollOffset ?? 0;
  const shift = scaling.toReal(offset) - offset;
  return {
    virtualizer: virtualizer as Virtualizer<HTMLDivElement, Element>,
    /** The height of the scrolled content. */
    totalHeight: realTotal,
    /** Where a row is drawn in the scrolled content. */
    realTop: (virtualStart: number) => virtualStart + shift,
  };
}
