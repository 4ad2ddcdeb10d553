import { catalogDecider } from '../../shared/id-catalog';

/** The list of connectors (see shared/id-catalog.ts); deleted ones stay listed here and are left out by the service. */
export const CONNECTOR_CATALOG_AGGREGATE = 'dataset-connector-catalog';
export const CONNECTOR_CATALOG_ID = 'connectors';
export const connectorCatalog = catalogDecider(CONNECTOR_CATALOG_AGGREGATE, 'ConnectorRegistered', 'connectorId');
