import { type BackendArea, defineArea } from '@backend/core/area';
import { appProcedures } from '@shared/app/contract';
import { canLoadSampleData } from '@shared/clients/rules/lifecycle';
import type { AreaSummary } from '@shared/kernel/summary';
import { loadSampleData } from './sampleService';

/**
 * The app itself: version and counts, the reference vocabularies, backups, the
 * sample dataset, and every area's summary. It sits above every other area and
 * is given them by the registry.
 */
export function appArea(areas: readonly BackendArea[]) {
  const samples = areas.flatMap((area) => (area.sample ? [area.sample] : []));
  return defineArea({
    id: 'app',
    procedures: appProcedures,
    handlers: (ctx, host) => {
      const { clients, engagements, specialists } = ctx.repos;
      return {
        'app.info': () => {
          const counts = { clients: clients.count(), engagements: engagements.count(), specialists: specialists.count() };
          return { ...host.appInfo(), counts, canLoadSample: canLoadSampleData(counts) };
        },
        'db.backup': () => host.backup(undefined),
        'backups.list': () => host.backups(),
        'backups.inspect': (input) => host.inspectBackup(input.name),
        'backups.restore': (input) => host.restore(input.name),
        'app.summaries': () => areas.flatMap((area): AreaSummary[] => (area.summary ? [area.summary(ctx)] : [])),
        'sample.load': () => loadSampleData(ctx, samples),
      };
    },
  });
}
