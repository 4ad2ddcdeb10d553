'use client';

import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs`, so "in 4 min" and "3 min ago" stay true while a page is open. */
export function useNow(everyMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
