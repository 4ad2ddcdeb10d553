import type { ColumnStats } from '../column-stats';
import type { GeopointLayout } from '../inference.types';
import { countOf, quote } from '../reason-text';
import { looksLikePhoneName } from '../recognisers/contact.recogniser';
import { candidate, type Candidate } from './candidate';

const TEXT = { kind: 'text' } as const;

export const emailCandidate = (stats: ColumnStats): Candidate | null =>
  stats.emails === 0
    ? null
    : candidate({
        dataType: 'email',
        format: TEXT,
        matched: stats.emails,
        predicate: 'are e-mail addresses',
        noun: 'e-mail addresses',
        failures: stats.emailFailures.values,
      });

export const urlCandidate = (stats: ColumnStats): Candidate | null =>
  stats.urls === 0
    ? null
    : candidate({
        dataType: 'url',
        format: TEXT,
        matched: stats.urls,
        predicate: 'are URLs (http, https, ftp or www.)',
        noun: 'URLs',
        failures: stats.urlFailures.values,
      });

/** Bare digit runs count as phone numbers only in a column whose name says it holds them. */
export function phoneCandidate(stats: ColumnStats): Candidate | null {
  const named = looksLikePhoneName(stats.column) && stats.digitRuns > 0;
  const matched = stats.phones + (named ? stats.digitRuns : 0);
  if (matched === 0 || stats.phones === 0) return null;
  return candidate({
    dataType: 'phone',
    format: TEXT,
    matched,
    predicate: `are phone numbers (e.g. ${quote(stats.phoneExample!)})`,
    noun: 'phone numbers',
    details: named
      ? [
          `the name ${quote(stats.column)} says phone: ${countOf(stats.digitRuns, 'value')} written as bare digits are read as phone numbers too`,
        ]
      : [],
    failures: stats.phoneFailures.values,
  });
}

const LAYOUT_TEXT: Record<GeopointLayout, string> = {
  'lat,lon': '"latitude,longitude" pairs within range',
  'POINT(lon lat)': 'WKT points POINT(longitude latitude) within range',
};

export function geopointCandidate(stats: ColumnStats): Candidate | null {
  const layout: GeopointLayout =
    stats.geopoints['lat,lon'] >= stats.geopoints['POINT(lon lat)'] ? 'lat,lon' : 'POINT(lon lat)';
  const matched = stats.geopoints[layout];
  if (matched === 0) return null;
  return candidate({
    dataType: 'geopoint',
    format: { kind: 'geopoint', layout },
    matched,
    predicate: `are ${LAYOUT_TEXT[layout]} (e.g. ${quote(stats.geopointExample!)})`,
    noun: 'geographic points',
    failures: stats.geopointFailures.values,
  });
}
