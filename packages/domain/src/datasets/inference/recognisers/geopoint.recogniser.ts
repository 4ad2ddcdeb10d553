import type { GeopointLayout } from '../inference.types';

export interface GeopointReading {
  readonly layout: GeopointLayout;
  readonly lat: number;
  readonly lon: number;
}

/** Both parts need a decimal point, so "1,234" (a grouped number) is never read as a point. */
const LAT_LON = /^\(?\s*([+-]?\d{1,2}\.\d+)\s*,\s*([+-]?\d{1,3}\.\d+)\s*\)?$/;
const WKT_POINT = /^POINT\s*\(\s*([+-]?\d{1,3}(?:\.\d+)?)\s+([+-]?\d{1,2}(?:\.\d+)?)\s*\)$/i;

const inRange = (lat: number, lon: number) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** "37.5665,126.9780", "(37.5665, 126.9780)" (latitude first) or WKT "POINT(126.9780 37.5665)" (longitude first). */
export function readGeopoint(text: string): GeopointReading | null {
  const c = text.charCodeAt(0);
  const wkt = c === 80 || c === 112 ? WKT_POINT.exec(text) : null;
  if (wkt) {
    const lon = Number(wkt[1]);
    const lat = Number(wkt[2]);
    return inRange(lat, lon) ? { layout: 'POINT(lon lat)', lat, lon } : null;
  }
  if (!text.includes(',')) return null;
  const pair = LAT_LON.exec(text);
  if (!pair) return null;
  const lat = Number(pair[1]);
  const lon = Number(pair[2]);
  return inRange(lat, lon) ? { layout: 'lat,lon', lat, lon } : null;
}

export function readGeopointAs(text: string, layout: GeopointLayout): GeopointReading | null {
  const reading = readGeopoint(text);
  return reading?.layout === layout ? reading : null;
}
