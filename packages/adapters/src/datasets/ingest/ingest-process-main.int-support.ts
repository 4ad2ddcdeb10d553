/**
 * An ingest process for the crash tests, run by the parent as `node --import tsx <this file> <dataset> <file>`:
 * builds the system from the config the parent passes (SPICE_TEST_CONFIG) and uploads the file with
 * autoCommit. At the step named by SPICE_TEST_DIE_AT it says so on stdout (`@@ingest {"step", "jobId"}`) and
 * waits there for the parent's SIGKILL.
 */
import { createReadStream } from 'node:fs';
import type { IngestStep } from '@spice/domain';
import type { SpiceConfig } from '../../config/config';
import { createLogger } from '../../logging/logger';
import { createSystem } from '../../composition/composition-root';
import { receiveUpload } from '../files/receive-upload';

export const INGEST_MARKER = '@@ingest ';

async function main() {
  const config = JSON.parse(process.env.SPICE_TEST_CONFIG ?? '') as SpiceConfig;
  const dieAt = process.env.SPICE_TEST_DIE_AT as IngestStep;
  const [datasetId, filePath] = process.argv.slice(2);
  const system = await createSystem(config, createLogger('warn'), {
    ingest: {
      leaseMs: 1_500,
      checkpoint: async (step, job) => {
        if (step !== dieAt) return;
        process.stdout.write(`${INGEST_MARKER}${JSON.stringify({ step, jobId: job.jobId })}\n`);
        await new Promise<never>(() => undefined);
      },
    },
  });
  // The parent holds our stdin: when it goes away (a test run aborted), so do we.
  process.stdin.on('end', () => process.exit(1)).resume();
  await receiveUpload(system, createReadStream(filePath!), (file) =>
    system.ingest.ingest({ datasetId, fileName: 'ships.csv', idempotencyKey: `crash-${dieAt}`, autoCommit: true, message: 'crash test' }, file, { id: 'crash@spice.local' }),
  );
  process.stdout.write(`${INGEST_MARKER}${JSON.stringify({ step: 'finished' })}\n`);
  await system.stop();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
