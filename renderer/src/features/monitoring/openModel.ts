import { useNav } from '@renderer/app/stores';
import { useModelPage } from '@renderer/features/portfolio/portfolioStore';

/** Opens a model's page on its Monitoring tab. */
export function openModelMonitoring(modelId: string): void {
  useModelPage.getState().setTab('monitoring');
  useNav.getState().go({ area: 'portfolio', recordId: modelId, params: { tab: 'monitoring' } });
}
