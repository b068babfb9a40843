import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { fill } from '@renderer/app/slots';
import { monitoringEntities } from '@shared/monitoring/entities';
import { ModelMonitoringTab } from './ModelMonitoringTab';

const MonitoringScreen = lazyScreen(() => import('./MonitoringScreen').then((m) => m.MonitoringScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    monitoring: true;
  }
}

export const monitoringArea = defineArea({
  name: 'monitoring',
  entries: [
    {
      id: 'monitoring',
      label: 'Model monitoring',
      group: 'Operations',
      hint: 'SLOs with playbooks, readings from the client’s monitoring stack, breaches, drift and silent models',
      screen: MonitoringScreen,
    },
  ],
  entities: monitoringEntities,
  records: { monitoring_slo: 'monitoring', reading_import: 'monitoring', monitoring_mapping: 'monitoring' },
  // The model page's Monitoring tab: its SLOs, their course, playbooks and responders, its readings.
  slots: [fill('model.monitoring', 'monitoring.model', ModelMonitoringTab)],
  badgeOn: 'monitoring',
} satisfies RendererArea);
