import type { IconName } from '../ui/icons';

export interface Section {
  readonly slug: string;
  readonly label: string;
  readonly icon: IconName;
  readonly href: string;
  /** False until the section has a page; its route shows what is coming instead. */
  readonly built: boolean;
  readonly summary: string;
  /** Sections of one group sit together in the rail under the group's name. */
  readonly group?: string;
}

/** The left rail, in order. */
export const SECTIONS: readonly Section[] = [
  { slug: 'ontology', label: 'Ontology', icon: 'ontology', href: '/ontology', built: true, summary: 'Object types, properties and keys.' },
  { slug: 'datasets', label: 'Datasets', icon: 'datasets', href: '/datasets', built: true, summary: 'Upload files, browse immutable versions, branches, schemas and statistics.' },
  { slug: 'pipelines', label: 'Pipelines', icon: 'pipelines', href: '/pipelines', built: false, summary: 'Build transform DAGs visually, preview every node, run on DuckDB or Spark.' },
  { slug: 'objects', label: 'Objects', icon: 'objects', href: '/objects', built: false, summary: 'Search and explore object instances and the links between them.' },
  { slug: 'lineage', label: 'Lineage', icon: 'lineage', href: '/lineage', built: false, summary: 'Follow data from dataset versions through pipeline runs to object types.' },
  { slug: 'audit', label: 'Audit', icon: 'audit', href: '/audit', built: false, summary: 'Every command: who, what, when and with what outcome.' },
  { slug: 'health', label: 'Health', group: 'Admin', icon: 'admin', href: '/health', built: true, summary: 'Which adapter backs each component, and whether it answers.' },
  { slug: 'dead-letters', label: 'Dead letters', group: 'Admin', icon: 'deadLetters', href: '/admin/dead-letters', built: true, summary: 'Events a consumer gave up on: inspect and re-drive them.' },
];
