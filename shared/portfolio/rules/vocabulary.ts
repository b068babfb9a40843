/**
 * The portfolio's vocabularies. String unions, never enums: the values are what
 * SQLite stores and the contract carries; the labels are what people read.
 */

export const STAGES = ['idea', 'prototype', 'pilot', 'production', 'retired'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  idea: 'Idea',
  prototype: 'Prototype',
  pilot: 'Pilot',
  production: 'Production',
  retired: 'Retired',
};

/** How much oversight a model needs: a course recommender is not a credit-scoring model. */
export const RISK_TIERS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];
export const RISK_TIER_LABELS: Record<RiskTier, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** The EU AI Act's sorting of AI systems. */
export const AI_ACT_CATEGORIES = ['minimal', 'limited', 'high', 'prohibited'] as const;
export type AiActCategory = (typeof AI_ACT_CATEGORIES)[number];
export const AI_ACT_CATEGORY_LABELS: Record<AiActCategory, string> = {
  minimal: 'Minimal risk',
  limited: 'Limited risk',
  high: 'High risk',
  prohibited: 'Prohibited',
};

export const REGULATED_DOMAINS = [
  'none',
  'credit',
  'insurance',
  'health',
  'employment',
  'education',
  'critical_infrastructure',
  'law_enforcement',
  'other',
] as const;
export type RegulatedDomain = (typeof REGULATED_DOMAINS)[number];
export const REGULATED_DOMAIN_LABELS: Record<RegulatedDomain, string> = {
  none: 'None',
  credit: 'Credit',
  insurance: 'Insurance',
  health: 'Health',
  employment: 'Employment',
  education: 'Education',
  critical_infrastructure: 'Critical infrastructure',
  law_enforcement: 'Law enforcement',
  other: 'Other regulated domain',
};

export const MODEL_KINDS = ['classical_ml', 'deep_learning', 'llm', 'rules_ml'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export const MODEL_KIND_LABELS: Record<ModelKind, string> = {
  classical_ml: 'Classical ML',
  deep_learning: 'Deep learning',
  llm: 'LLM / generative application',
  rules_ml: 'Rules + ML',
};

export const SERVING_MODES = ['batch', 'online', 'streaming', 'embedded'] as const;
export type ServingMode = (typeof SERVING_MODES)[number];
export const SERVING_MODE_LABELS: Record<ServingMode, string> = {
  batch: 'Batch',
  online: 'Online',
  streaming: 'Streaming',
  embedded: 'Embedded',
};

/** The links a model carries, https only. */
export const LINK_KINDS = ['repository', 'registry', 'dashboard', 'runbook'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  repository: 'Repository',
  registry: 'Registry',
  dashboard: 'Dashboard',
  runbook: 'Runbook',
};
