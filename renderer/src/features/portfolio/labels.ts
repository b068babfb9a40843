import type { StatusTone } from '@renderer/ui/Badge';
import type { AiActCategory, RiskTier, Stage } from '@shared/portfolio/rules/vocabulary';

/** Stages on the one status scale: production is what the work is for; an idea only informs. */
export const STAGE_TONE: Record<Stage, StatusTone> = {
  idea: 'neutral',
  prototype: 'info',
  pilot: 'attention',
  production: 'ok',
  retired: 'neutral',
};

export const RISK_TONE: Record<RiskTier, StatusTone> = { low: 'neutral', medium: 'info', high: 'attention', critical: 'critical' };

export const CATEGORY_TONE: Record<AiActCategory, StatusTone> = {
  minimal: 'neutral',
  limited: 'info',
  high: 'attention',
  prohibited: 'critical',
};

export const daysWords = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;
