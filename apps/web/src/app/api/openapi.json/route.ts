import { generateOpenApiDocument } from 'trpc-to-openapi';
import { appRouter } from '@/server/routers/app.router';

export const dynamic = 'force-static';

/** Generated from the procedures' zod schemas, so it can't drift from what the API accepts. */
export function GET() {
  return Response.json(
    generateOpenApiDocument(appRouter, {
      title: 'Spice Harvester API',
      version: '1',
      baseUrl: '/api/v1',
      description: 'Ontology model, branches and import/export. Authenticate with the spice_actor cookie (see /api/dev/sign-in on the embedded default).',
    }),
  );
}
