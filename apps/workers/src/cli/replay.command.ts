import { Command } from 'commander';
import { REPLAYABLE_PROJECTIONS } from '@spice/domain';
import { withSystem } from './cli-system';

/**
 * `spice replay <projection>`: drops the read model and rebuilds it from the event store. Safe beside running
 * workers: the projection pauses (a fence) while the rebuild runs, then carries on from it.
 */
export function replayCommand(print: (text: string) => void): Command {
  return new Command('replay')
    .description('Drop a read model and rebuild it from the event store (safe while the workers run)')
    .argument('<projection>', `the read model: ${Object.keys(REPLAYABLE_PROJECTIONS).join(', ')}`)
    .option('--json', 'print the report as JSON')
    .action(async (projection: string, options: { json?: boolean }) => {
      const report = await withSystem((system) => system.replay.replay(projection));
      print(
        options.json
          ? JSON.stringify(report)
          : `Rebuilt ${report.projection} (handler ${report.handler}) from the event store: ` +
              `${report.streams} streams, ${report.events} events, ${report.documents} search documents.`,
      );
    });
}
