import { catalogDecider } from '../../shared/id-catalog';

/** The list of datasets (see shared/id-catalog.ts). */
export const DATASET_CATALOG_AGGREGATE = 'dataset-catalog';
export const DATASET_CATALOG_ID = 'datasets';
export const datasetCatalog = catalogDecider(DATASET_CATALOG_AGGREGATE, 'DatasetRegistered', 'datasetId');
