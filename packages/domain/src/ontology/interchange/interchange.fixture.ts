import { DEFINITION_SCHEMAS, ENTITY_ID_PREFIX, type EntityKind } from '../model/definitions';
import type { OntologyCommand } from '../ontology.commands';
import { decideOntology } from '../ontology.decide';
import { evolveOntology, initialOntologyState, type OntologyState } from '../ontology.state';

/** Decides a command and folds its events, as the write path does; throws what the decider throws. */
export function applied(state: OntologyState, command: OntologyCommand): OntologyState {
  return decideOntology(command, state).reduce(
    (s, event) => evolveOntology(s, { ...event, metadata: { sequenceNumber: s.seq + 1, actor: 'ada@spice.local', occurredAt: '2025-03-01T09:00:00.000Z' } }),
    state,
  );
}

export function createdOntology(ontologyId = 'fleet', displayName = 'Fleet', description = 'Ships, the companies that own them and the people who crew them'): OntologyState {
  return applied(initialOntologyState, { type: 'CreateOntology', data: { ontologyId, displayName, description } });
}

/** Sequential ids per kind, as an IdGenerator would hand them out. */
export function idsInOrder(): (kind: EntityKind) => string {
  const next = new Map<EntityKind, number>();
  return (kind) => {
    const n = (next.get(kind) ?? 0) + 1;
    next.set(kind, n);
    return `${ENTITY_ID_PREFIX[kind]}${n}`;
  };
}

/**
 * An ontology that uses every part of the model: value and shared property types, an interface extending another
 * with a required link, five object types with every data type (decimal(p,s), array, struct, money, enum,
 * geopoint…), constraints, defaults, translations in Korean and Brazilian Portuguese, a deprecated type, a backing
 * dataset, and link types of each cardinality with a foreign key and a join table, their ends named in Korean too.
 */
export const RICH_DEFINITIONS = {
  valueType: [
    { apiName: 'EmailAddress', displayName: 'Email address', baseType: 'email', constraints: { maxLength: 320 }, translations: { ko: { displayName: '이메일 주소' } } },
    { apiName: 'Percentage', displayName: 'Percentage', description: 'A share out of a hundred', baseType: { type: 'decimal', precision: 5, scale: 2 }, constraints: { min: 0, max: 100 } },
  ],
  sharedPropertyType: [
    { apiName: 'countryCode', displayName: 'Country code', description: 'ISO 3166-1 alpha-2', dataType: 'string', constraints: { pattern: '^[A-Z]{2}$', minLength: 2, maxLength: 2 } },
    { apiName: 'createdAt', displayName: 'Created at', dataType: 'timestamp', translations: { ko: { displayName: '생성 시각' } } },
  ],
  interface: [
    { apiName: 'Locatable', displayName: 'Locatable', description: 'Has a position on the map', properties: [{ apiName: 'location', dataType: 'geopoint' }] },
    {
      apiName: 'Asset',
      displayName: 'Asset',
      extends: ['Locatable'],
      properties: [
        { apiName: 'assetTag', dataType: 'string', description: 'The tag painted on it' },
        { apiName: 'insuredValue', dataType: { type: 'money', currency: 'USD' }, required: false },
      ],
      links: [{ apiName: 'owner', target: { kind: 'objectType', apiName: 'Company' }, many: false }],
      translations: { ko: { displayName: '자산', description: '회사가 소유한 것' } },
    },
  ],
  objectType: [
    {
      apiName: 'Company',
      displayName: 'Company',
      pluralDisplayName: 'Companies',
      description: 'A shipping company',
      icon: 'building',
      color: '#3366ff',
      status: 'active',
      groups: ['core', 'finance'],
      properties: [
        { apiName: 'companyId', displayName: 'Company id', dataType: 'string', required: true, unique: true },
        { apiName: 'name', displayName: 'Name', dataType: 'string', required: true, constraints: { minLength: 1, maxLength: 200 }, translations: { ko: { displayName: '이름' } } },
        { apiName: 'founded', displayName: 'Founded', dataType: 'date', constraints: { min: '1800-01-01' } },
        { apiName: 'revenue', displayName: 'Revenue', dataType: { type: 'money', currency: 'KRW' }, searchable: false },
        { apiName: 'country', displayName: 'Country', dataType: 'string', sharedPropertyType: 'countryCode', constraints: { pattern: '^[A-Z]{2}$', minLength: 2, maxLength: 2 } },
        { apiName: 'createdAt', displayName: 'Created at', dataType: 'timestamp', sharedPropertyType: 'createdAt' },
      ],
      primaryKey: 'companyId',
      titleKey: 'name',
      translations: { ko: { displayName: '회사', pluralDisplayName: '회사들', description: '해운 회사' }, 'pt-BR': { displayName: 'Empresa' } },
    },
    {
      apiName: 'Employee',
      displayName: 'Employee',
      pluralDisplayName: 'Employees',
      status: 'active',
      properties: [
        { apiName: 'employeeId', displayName: 'Employee id', dataType: 'long', required: true, unique: true },
        { apiName: 'fullName', displayName: 'Full name', dataType: 'string', required: true },
        { apiName: 'email', displayName: 'Email', dataType: 'email', valueType: 'EmailAddress' },
        { apiName: 'phone', displayName: 'Phone', dataType: 'phone' },
        { apiName: 'homepage', displayName: 'Homepage', dataType: 'url' },
        { apiName: 'salary', displayName: 'Salary', dataType: { type: 'decimal', precision: 12, scale: 2 }, constraints: { min: 0 } },
        { apiName: 'utilisation', displayName: 'Utilisation', dataType: { type: 'decimal', precision: 5, scale: 2 }, valueType: 'Percentage' },
        { apiName: 'rating', displayName: 'Rating', dataType: 'double', default: 2.5 },
        { apiName: 'active', displayName: 'Active', dataType: 'boolean', default: true },
        { apiName: 'level', displayName: 'Level', dataType: { type: 'enum', values: ['junior', 'senior', 'principal'] }, default: 'junior' },
        { apiName: 'skills', displayName: 'Skills', dataType: { type: 'array', elementType: 'string' } },
        {
          apiName: 'address',
          displayName: 'Address',
          dataType: { type: 'struct', fields: [{ name: 'street', dataType: 'string' }, { name: 'city', dataType: 'string' }, { name: 'geo', dataType: 'geopoint' }] },
        },
        { apiName: 'shiftStarts', displayName: 'Shift starts', dataType: { type: 'array', elementType: 'timestamp' } },
        { apiName: 'startedOn', displayName: 'Started on', dataType: 'date', constraints: { min: '2000-01-01', max: '2099-12-31' } },
        { apiName: 'companyId', displayName: 'Company', dataType: 'string', description: 'The employer (foreign key)' },
        { apiName: 'grade', displayName: 'Grade', dataType: 'string', constraints: { enumValues: ['A', 'B', 'C'] }, default: null },
      ],
      primaryKey: 'employeeId',
      titleKey: 'fullName',
      translations: { ko: { displayName: '직원' } },
    },
    {
      apiName: 'Vessel',
      displayName: 'Vessel',
      implements: ['Asset'],
      properties: [
        { apiName: 'imo', displayName: 'IMO number', dataType: 'string', required: true },
        { apiName: 'location', displayName: 'Location', dataType: 'geopoint' },
        { apiName: 'assetTag', displayName: 'Asset tag', dataType: 'string' },
        { apiName: 'tonnage', displayName: 'Tonnage', dataType: 'integer', constraints: { min: 0, max: 600000 } },
        { apiName: 'lastSeen', displayName: 'Last seen', dataType: 'timestamp' },
      ],
      primaryKey: 'imo',
      backingDataset: { datasetId: 'ds_vessels', branch: 'main' },
      translations: { ko: { displayName: '선박' } },
    },
    {
      apiName: 'Project',
      displayName: 'Project',
      properties: [
        { apiName: 'projectId', displayName: 'Project id', dataType: 'integer', required: true },
        { apiName: 'codename', displayName: 'Codename', dataType: 'string' },
      ],
      primaryKey: 'projectId',
    },
    {
      apiName: 'Contractor',
      displayName: 'Contractor',
      description: 'Someone hired per job',
      status: 'deprecated',
      deprecation: { reason: 'Contractors are now employees with a contract type', deadline: '2026-01-31', replacement: 'Employee' },
      properties: [{ apiName: 'contractorId', displayName: 'Contractor id', dataType: 'string', required: true }],
      primaryKey: 'contractorId',
    },
  ],
  linkType: [
    {
      apiName: 'employment',
      description: 'Who works where',
      sourceObjectType: 'Company',
      targetObjectType: 'Employee',
      cardinality: 'one-to-many',
      forward: { apiName: 'employees', displayName: 'Employees', translations: { ko: { displayName: '직원들' }, 'pt-BR': { displayName: 'Funcionários' } } },
      reverse: { apiName: 'employer', displayName: 'Employer', translations: { ko: { displayName: '고용주' } } },
      relationship: { kind: 'foreignKey', objectType: 'Employee', property: 'companyId' },
      status: 'active',
      translations: { ko: { description: '누가 어디서 일하는지' } },
    },
    {
      apiName: 'projectAssignment',
      sourceObjectType: 'Employee',
      targetObjectType: 'Project',
      cardinality: 'many-to-many',
      forward: { apiName: 'projects', displayName: 'Projects', translations: { ko: { displayName: '프로젝트' } } },
      reverse: { apiName: 'members', displayName: 'Members', translations: { ko: { displayName: '구성원' } } },
      relationship: { kind: 'joinTable', datasetId: 'ds_assignments', sourceColumn: 'employee_id', targetColumn: 'project_id' },
    },
    {
      apiName: 'vesselOwnership',
      sourceObjectType: 'Company',
      targetObjectType: 'Vessel',
      cardinality: 'one-to-many',
      forward: { apiName: 'vessels', displayName: 'Vessels' },
      reverse: { apiName: 'owner', displayName: 'Owner' },
    },
    {
      apiName: 'captaincy',
      sourceObjectType: 'Employee',
      targetObjectType: 'Vessel',
      cardinality: 'one-to-one',
      forward: { apiName: 'commands', displayName: 'Commands' },
      // A translation marked as English can't be a language-tagged label: it goes as sh:translations instead.
      reverse: { apiName: 'captain', displayName: 'Captain', translations: { 'en-GB': { displayName: 'Master' }, ko: { displayName: '선장' } } },
      relationship: { kind: 'joinTable', sourceColumn: 'captain_id', targetColumn: 'imo' },
    },
  ],
} as const satisfies Record<EntityKind, readonly Record<string, unknown>[]>;

/** The rich ontology, defined in one ApplyChanges as an editor (or an import) would. */
export function richOntology(): OntologyState {
  const ids = idsInOrder();
  const changes = (Object.keys(RICH_DEFINITIONS) as EntityKind[]).flatMap((kind) =>
    RICH_DEFINITIONS[kind].map((input) => ({ op: 'define' as const, kind, id: ids(kind), definition: DEFINITION_SCHEMAS[kind].parse(input) })),
  );
  return applied(createdOntology(), { type: 'ApplyChanges', data: { changes, acknowledgeBreakingChanges: false, origin: { kind: 'edit' } } });
}
