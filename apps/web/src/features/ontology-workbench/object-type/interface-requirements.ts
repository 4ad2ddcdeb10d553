import { describeDataType, type EntityView } from '@spice/domain';

/**
 * What implementing the interface `name` asks of an object type, in words: the required properties and links
 * of it and of every interface it extends (those say which one they come from). Empty when it isn't known.
 */
export function interfaceRequirements(name: string, interfaces: readonly EntityView<'interface'>[]): string[] {
  const byName = new Map(interfaces.map((i) => [i.definition.apiName.toLowerCase(), i.definition]));
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (at: string) => {
    const iface = byName.get(at.toLowerCase());
    if (!iface || seen.has(iface.apiName.toLowerCase())) return;
    seen.add(iface.apiName.toLowerCase());
    const from = iface.apiName.toLowerCase() === name.toLowerCase() ? '' : ` (from ${iface.apiName})`;
    for (const p of iface.properties) if (p.required) out.push(`${p.apiName}: ${describeDataType(p.dataType)}${from}`);
    for (const l of iface.links) if (l.required) out.push(`${l.apiName} → ${l.many ? 'many ' : ''}${l.target.apiName}${from}`);
    for (const parent of iface.extends) visit(parent);
  };
  visit(name);
  return out;
}
