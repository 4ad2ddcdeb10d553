export { exportOntology, type ExportOptions } from './export-ontology';
export { importOntology } from './import-ontology';
export { IMPORT_INVALID } from './import-issues';
export {
  FORMAT_VERSION,
  INTERCHANGE_FORMATS,
  ONTOLOGY_DOCUMENT_SCHEMA,
  ZOntologyDocument,
  ZOntologyHeader,
  type ImportedEntity,
  type ImportedOntology,
  type InterchangeFormat,
  type OntologyDocument,
  type OntologyHeader,
} from './ontology-document';
export { importCommand, planImport, type ImportMode, type PlanImportOptions } from './plan-import';
export { defaultBaseIri } from './ontology-to-rdf';
