import { DEMO_ONTOLOGY_ID } from '@spice/domain';

/** The workspace the workbench shows. One for now; a workspace switcher replaces this constant. */
export const CURRENT_ONTOLOGY_ID = DEMO_ONTOLOGY_ID;
