import type { Cardinality, GraphImplementsEdge, GraphInterface, GraphLinkType, GraphObjectType, GraphObjectTypeStatus } from './ontology-graph.types';

/**
 * A made-up ontology of any size, the same for the same arguments, shaped like real ones: types fall into
 * domains (shipping, finance, people…), most links stay inside a domain, a few hub types attract many
 * links, and some types link to themselves. The graph bench and its journey draw it.
 */
export interface BenchOntology {
  objectTypes: GraphObjectType[];
  interfaces: GraphInterface[];
  implementsEdges: GraphImplementsEdge[];
  linkTypes: GraphLinkType[];
}

const DOMAINS = [
  { name: 'Shipping', color: '#2563eb', nouns: ['Vessel', 'Port', 'Voyage', 'Berth', 'Cargo', 'Container', 'Crew', 'Route', 'Terminal', 'Manifest'] },
  { name: 'Finance', color: '#059669', nouns: ['Invoice', 'Payment', 'Account', 'Ledger', 'Currency', 'Budget', 'Contract', 'Refund', 'Tax', 'Quote'] },
  { name: 'People', color: '#d97706', nouns: ['Person', 'Employee', 'Team', 'Role', 'Skill', 'Shift', 'Office', 'Badge', 'Review', 'Training'] },
  { name: 'Sales', color: '#db2777', nouns: ['Customer', 'Order', 'Product', 'Lead', 'Campaign', 'Offer', 'Region', 'Channel', 'Basket', 'Return'] },
  { name: 'Assets', color: '#7c3aed', nouns: ['Asset', 'Sensor', 'Reading', 'Site', 'Machine', 'Part', 'Repair', 'Inspection', 'Alarm', 'Meter'] },
  { name: 'Supply', color: '#0891b2', nouns: ['Supplier', 'Shipment', 'Warehouse', 'Stock', 'Batch', 'Pallet', 'Carrier', 'Delivery', 'Forecast', 'Lot'] },
] as const;

const VERBS = ['has', 'owns', 'carries', 'references', 'serves', 'contains', 'assigns', 'tracks', 'bills', 'supplies'];
const CARDINALITIES: readonly Cardinality[] = ['one-to-many', 'one-to-many', 'one-to-many', 'one-to-one', 'many-to-many', 'many-to-many'];

const singular = (t: GraphObjectType) => t.displayName.toLowerCase();
const plural = (t: GraphObjectType) => t.displayName.toLowerCase().replace(/^(\S+)/, (word) => (word.endsWith('s') ? `${word}es` : `${word}s`));

/** mulberry32: tiny, fast, and good enough to scatter a test ontology deterministically. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateBenchOntology({ types, links, seed = 7 }: { types: number; links: number; seed?: number }): BenchOntology {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const domainOf = (i: number) => i % DOMAINS.length;

  const objectTypes: GraphObjectType[] = Array.from({ length: types }, (_, i) => {
    const domain = DOMAINS[domainOf(i)]!;
    const noun = domain.nouns[Math.floor(i / DOMAINS.length) % domain.nouns.length]!;
    const round = Math.floor(i / (DOMAINS.length * domain.nouns.length));
    const name = round === 0 ? noun : `${noun}${round + 1}`;
    const status: GraphObjectTypeStatus = rnd() < 0.7 ? 'active' : rnd() < 0.7 ? 'experimental' : 'deprecated';
    return {
      id: `ot_${String(i).padStart(4, '0')}`,
      apiName: name,
      displayName: round === 0 ? noun : `${noun} ${round + 1}`,
      status,
      color: domain.color,
      icon: null,
      propertyCount: 3 + Math.floor(rnd() * 20),
      primaryKey: status === 'experimental' && rnd() < 0.4 ? null : `${name[0]!.toLowerCase()}${name.slice(1)}Id`,
    };
  });

  // Hubs: each domain's first few types draw links the way Customer or Employee do in a real ontology.
  const weight = (i: number) => (Math.floor(i / DOMAINS.length) < 2 ? 8 : 1);
  const byDomain = DOMAINS.map((_, d) => objectTypes.map((_, i) => i).filter((i) => domainOf(i) === d));
  const weighted = (candidates: readonly number[]) => {
    const total = candidates.reduce((sum, i) => sum + weight(i), 0);
    let r = rnd() * total;
    for (const i of candidates) if ((r -= weight(i)) < 0) return i;
    return candidates[candidates.length - 1]!;
  };
  const all = objectTypes.map((_, i) => i);

  const linkTypes: GraphLinkType[] = types === 0 ? [] : Array.from({ length: links }, (_, i) => {
    const source = weighted(all);
    const sameDomain = byDomain[domainOf(source)]!.filter((i) => i !== source);
    const others = all.filter((i) => i !== source);
    const target = rnd() < 0.04 || others.length === 0 ? source : weighted(rnd() < 0.75 && sameDomain.length > 0 ? sameDomain : others);
    const verb = pick(VERBS);
    const s = objectTypes[source]!;
    const t = objectTypes[target]!;
    const cardinality = pick(CARDINALITIES);
    // Named the way Foundry names link sides: after what each side finds at the other end.
    return {
      id: `lt_${String(i).padStart(4, '0')}`,
      apiName: `${s.apiName[0]!.toLowerCase()}${s.apiName.slice(1)}${verb[0]!.toUpperCase()}${verb.slice(1)}${t.apiName}`,
      sourceId: s.id,
      targetId: t.id,
      cardinality,
      forwardName: cardinality === 'one-to-one' ? singular(t) : plural(t),
      reverseName: cardinality === 'many-to-many' ? plural(s) : singular(s),
    };
  });

  const interfaceCount = types === 0 ? 0 : Math.max(1, Math.round(types / 50));
  const interfaces: GraphInterface[] = Array.from({ length: interfaceCount }, (_, i) => {
    const name = ['Trackable', 'Billable', 'Located', 'Auditable', 'Owned', 'Scheduled'][i % 6]! + (i >= 6 ? String(Math.floor(i / 6) + 1) : '');
    return { id: `if_${String(i).padStart(3, '0')}`, apiName: name, displayName: name };
  });
  const implementsEdges: GraphImplementsEdge[] = interfaces.flatMap((iface, i) =>
    Array.from({ length: Math.min(types, 3) }, (_, k) => ({ objectTypeId: objectTypes[(i * 7 + k * 5) % types]!.id, interfaceId: iface.id })),
  ).filter((e, i, xs) => xs.findIndex((x) => x.objectTypeId === e.objectTypeId && x.interfaceId === e.interfaceId) === i);

  return { objectTypes, interfaces, implementsEdges, linkTypes };
}
