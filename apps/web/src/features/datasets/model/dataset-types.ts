import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/app.router';

/** The datasets API's answers as the client receives them: the UI types itself from the router's outputs. */
type Outputs = inferRouterOutputs<AppRouter>['datasets'];

export type DatasetSummary = Outputs['list'][number];
export type DatasetView = Outputs['get'];
export type DatasetVersion = DatasetView['versions'][number];
export type DatasetBranch = DatasetView['branches'][number];
export type PreviewPage = Outputs['preview'];
export type VersionDiff = Outputs['diff'];
export type IngestJob = Outputs['ingest']['job'];
export type IngestPhase = IngestJob['phase'];
export type DetectedLayout = NonNullable<IngestJob['layout']>;
export type TableCandidate = DetectedLayout['tableCandidates'][number];
export type ReadProblem = NonNullable<IngestJob['readResult']>['problems'][number];
export type SchemaColumn = NonNullable<IngestJob['proposedSchema']>[number];
export type ReadOptions = IngestJob['options'];
export type Connector = Outputs['connectors']['get'];
export type ConnectorRun = Outputs['connectors']['runs'][number];
