import { describeDataType, isWidening } from '../model/data-type';
import type { Constraints } from '../model/constraints';
import type { DefinitionOf, EntityKind, LinkCardinality } from '../model/definitions';

/**
 * What a change breaks for data already stored and clients already written against the old definition:
 * removals, renames, narrowed types, tightened constraints, new requirements, a changed key. Each entry is a
 * sentence an editor reads before confirming.
 */
export function breakingChanges<K extends EntityKind>(kind: K, before: DefinitionOf[K], after: DefinitionOf[K]): string[] {
  const found: string[] = [];
  if (before.apiName !== after.apiName) found.push(`renames ${before.apiName} to ${after.apiName}`);
  switch (kind) {
    case 'objectType':
      found.push(...objectTypeBreaks(before as DefinitionOf['objectType'], after as DefinitionOf['objectType']));
      break;
    case 'linkType':
      found.push(...linkTypeBreaks(before as DefinitionOf['linkType'], after as DefinitionOf['linkType']));
      break;
    case 'sharedPropertyType': {
      const [b, a] = [before as DefinitionOf['sharedPropertyType'], after as DefinitionOf['sharedPropertyType']];
      found.push(...typeBreaks('its type', b.dataType, a.dataType), ...constraintBreaks('its values', b.constraints, a.constraints));
      break;
    }
    case 'valueType': {
      const [b, a] = [before as DefinitionOf['valueType'], after as DefinitionOf['valueType']];
      found.push(...typeBreaks('its base type', b.baseType, a.baseType), ...constraintBreaks('its values', b.constraints, a.constraints));
      break;
    }
    case 'interface': {
      const [b, a] = [before as DefinitionOf['interface'], after as DefinitionOf['interface']];
      for (const p of a.properties) if (p.required && !b.properties.some((x) => x.apiName === p.apiName)) found.push(`requires a new property "${p.apiName}" of every implementer`);
      for (const l of a.links) if (l.required && !b.links.some((x) => x.apiName === l.apiName)) found.push(`requires a new link "${l.apiName}" of every implementer`);
      break;
    }
  }
  return found;
}

function objectTypeBreaks(before: DefinitionOf['objectType'], after: DefinitionOf['objectType']): string[] {
  const found: string[] = [];
  if (before.primaryKey !== after.primaryKey) found.push(`changes the primary key from ${before.primaryKey ?? '(none)'} to ${after.primaryKey ?? '(none)'}`);
  for (const old of before.properties) {
    const now = after.properties.find((p) => p.apiName === old.apiName);
    if (!now) {
      found.push(`removes the property "${old.apiName}"`);
      continue;
    }
    found.push(...typeBreaks(`property "${old.apiName}"`, old.dataType, now.dataType));
    if (now.required && !old.required) found.push(`makes the property "${old.apiName}" required`);
    if (now.unique && !old.unique) found.push(`makes the property "${old.apiName}" unique`);
    found.push(...constraintBreaks(`property "${old.apiName}"`, old.constraints, now.constraints));
  }
  for (const p of after.properties)
    if (p.required && !before.properties.some((x) => x.apiName === p.apiName) && p.default === undefined)
      found.push(`adds the required property "${p.apiName}" without a default`);
  return found;
}

const MANY_SIDES: Record<LinkCardinality, [boolean, boolean]> = {
  'one-to-one': [false, false],
  'one-to-many': [true, false],
  'many-to-many': [true, true],
};

function linkTypeBreaks(before: DefinitionOf['linkType'], after: DefinitionOf['linkType']): string[] {
  const found: string[] = [];
  if (before.sourceObjectType !== after.sourceObjectType || before.targetObjectType !== after.targetObjectType)
    found.push(`moves the link from ${before.sourceObjectType} → ${before.targetObjectType} to ${after.sourceObjectType} → ${after.targetObjectType}`);
  const [bf, br] = MANY_SIDES[before.cardinality];
  const [af, ar] = MANY_SIDES[after.cardinality];
  if ((bf && !af) || (br && !ar)) found.push(`narrows the cardinality from ${before.cardinality} to ${after.cardinality}`);
  if (before.forward.apiName !== after.forward.apiName) found.push(`renames the link end "${before.forward.apiName}" to "${after.forward.apiName}"`);
  if (before.reverse.apiName !== after.reverse.apiName) found.push(`renames the link end "${before.reverse.apiName}" to "${after.reverse.apiName}"`);
  return found;
}

function typeBreaks(what: string, before: DefinitionOf['valueType']['baseType'], after: DefinitionOf['valueType']['baseType']): string[] {
  return isWidening(before, after) ? [] : [`narrows ${what} from ${describeDataType(before)} to ${describeDataType(after)}`];
}

/** A constraint that admits fewer values than before; loosening or removing one is safe. */
function constraintBreaks(what: string, before: Constraints, after: Constraints): string[] {
  const tighter =
    (after.min !== undefined && (before.min === undefined || after.min > before.min)) ||
    (after.max !== undefined && (before.max === undefined || after.max < before.max)) ||
    (after.minLength !== undefined && (before.minLength === undefined || after.minLength > before.minLength)) ||
    (after.maxLength !== undefined && (before.maxLength === undefined || after.maxLength < before.maxLength)) ||
    (after.pattern !== undefined && after.pattern !== before.pattern) ||
    (after.enumValues !== undefined && (before.enumValues === undefined || !before.enumValues.every((v) => after.enumValues!.includes(v))));
  return tighter ? [`tightens the constraints of ${what}`] : [];
}

