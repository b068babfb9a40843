/**
 * Run cost: reading the cost exports cloud providers produce (AWS Cost and Usage Report, Azure cost details, GCP
 * billing export — CSV), mapping each row to a model by its resource tags, its category, and the month's figures a
 * model is judged by (budget, variance, cost per 1,000 predictions, cost to operate). Pure: amounts are exact
 * (BigInt nano-units while summing, integer minor units once per model, month and category).
 */
import { minorDigits } from '@shared/kernel/currency';
import { divideRounded } from '@shared/kernel/money';

export const COST_CATEGORIES = ['compute', 'storage', 'api', 'licences', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  compute: 'Compute',
  storage: 'Storage',
  api: 'API / tokens',
  licences: 'Licences',
  other: 'Other',
};

export const PROVIDERS = ['aws', 'azure', 'gcp'] as const;
export type Provider = (typeof PROVIDERS)[number];
export const PROVIDER_LABELS: Record<Provider, string> = {
  aws: 'AWS Cost and Usage Report (CSV)',
  azure: 'Azure cost details (CSV)',
  gcp: 'Google Cloud billing export (CSV)',
};

/** Amounts are summed in units of 10⁻⁹ of the currency's major unit, then rounded once. */
const SCALE_DIGITS = 9;

/**
 * A cost as the export writes it ("0.0000312", "12.5", "1.2E-5") in nano-units; a sentence when it is not a finite,
 * non-negative number.
 */
export function nanoOf(text: string): bigint | string {
  const t = text.trim();
  if (t === '') return 'has no cost';
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) {
    if (/^-/.test(t)) return `has a negative cost (${t}): credits and refunds are not imported`;
    return `has a cost that is not a number (${t})`;
  }
  const digits = `${m[1] ?? ''}${m[2] ?? ''}`;
  const exponent = Number(m[3] ?? '0') - (m[2] ?? '').length + SCALE_DIGITS;
  if (!Number.isFinite(exponent) || exponent > 30) return `has a cost that is not a finite number (${t})`;
  const value = BigInt(digits || '0');
  if (exponent >= 0) return value * 10n ** BigInt(exponent);
  const divisor = 10n ** BigInt(-exponent);
  // Half up below a nano-unit (a row's cost is never that precise).
  return (value + divisor / 2n) / divisor;
}

/** Nano-units as the currency's minor units, rounded once (half away from zero). */
export function nanoToMinor(nano: bigint, currency: string): number {
  const digits = minorDigits(currency);
  return divideRounded(nano, 10n ** BigInt(SCALE_DIGITS - digits));
}

/** The month (YYYY-MM) of a usage date as exports write it: ISO (2026-11-30, 2026-11-30T00:00:00Z) or US (11/30/2026). */
export function monthOfUsage(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return Number(iso[2]) >= 1 && Number(iso[2]) <= 12 ? `${iso[1]}-${iso[2]}` : null;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(t);
  if (us) return Number(us[1]) >= 1 && Number(us[1]) <= 12 ? `${us[3]}-${String(us[1]).padStart(2, '0')}` : null;
  return null;
}

const COMPUTE =
  /ec2|sagemaker|lambda|fargate|ecs|eks|batch|virtual machine|compute|kubernetes|aks|gke|vertex ai|databricks|dataflow|functions|app service|container/i;
const STORAGE = /s3|ebs|efs|glacier|storage|blob|disk|bigquery storage|backup|file/i;
const API =
  /bedrock|openai|cognitive|gemini|generative|tokens?|language|translate|vision|speech|textract|rekognition|comprehend|ai services/i;
const LICENCES = /marketplace|licen[cs]e|subscription|support/i;

/** The category of a row from the service (and usage) it names. */
export function categoryOf(service: string, usage = ''): CostCategory {
  const text = `${service} ${usage}`;
  if (LICENCES.test(text)) return 'licences';
  if (API.test(text)) return 'api';
  if (STORAGE.test(service) && !COMPUTE.test(service)) return 'storage';
  if (COMPUTE.test(text)) return 'compute';
  if (STORAGE.test(text)) return 'storage';
  return 'other';
}

/** Where an export keeps what Keel reads. */
export type CostColumns = {
  date: number;
  cost: number;
  currency: number | null;
  service: number;
  usage: number | null;
  /** Tags as columns (AWS legacy CUR: resourceTags/user:model) … */
  tagColumns: { key: string; index: number }[];
  /** … or one column of JSON (CUR 2.0 resource_tags, Azure Tags, GCP labels). */
  tagJson: number | null;
};

const findColumn = (header: readonly string[], names: readonly string[]) => {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n.toLowerCase());
    if (i >= 0) return i;
  }
  return -1;
};

const NAMES: Record<Provider, { date: string[]; cost: string[]; currency: string[]; service: string[]; usage: string[]; tags: string[] }> =
  {
    aws: {
      date: ['lineItem/UsageStartDate', 'line_item_usage_start_date'],
      cost: ['lineItem/UnblendedCost', 'line_item_unblended_cost'],
      currency: ['lineItem/CurrencyCode', 'line_item_currency_code'],
      service: ['lineItem/ProductCode', 'line_item_product_code', 'product/ProductName', 'product_product_name'],
      usage: ['lineItem/UsageType', 'line_item_usage_type'],
      tags: ['resource_tags'],
    },
    azure: {
      date: ['Date', 'UsageDate', 'date'],
      cost: ['CostInBillingCurrency', 'costInBillingCurrency', 'Cost', 'PreTaxCost'],
      currency: ['BillingCurrency', 'billingCurrency', 'BillingCurrencyCode', 'Currency'],
      service: ['MeterCategory', 'meterCategory', 'ServiceName', 'serviceFamily', 'ConsumedService'],
      usage: ['MeterSubCategory', 'meterSubCategory', 'MeterName', 'meterName'],
      tags: ['Tags', 'tags'],
    },
    gcp: {
      date: ['usage_start_time', 'Usage start date', 'usage_start_date'],
      cost: ['cost', 'Cost ($)', 'Cost'],
      currency: ['currency', 'Currency'],
      service: ['service.description', 'service_description', 'Service description'],
      usage: ['sku.description', 'sku_description', 'SKU description'],
      tags: ['labels', 'Labels'],
    },
  };

/** The columns of an export's header, or the sentence saying which it lacks. */
export function costColumns(provider: Provider, header: readonly string[]): CostColumns | string {
  const n = NAMES[provider];
  const date = findColumn(header, n.date);
  const cost = findColumn(header, n.cost);
  const service = findColumn(header, n.service);
  const missing = [date < 0 ? 'the usage date' : null, cost < 0 ? 'the cost' : null, service < 0 ? 'the service' : null].filter(Boolean);
  if (missing.length > 0)
    return `This is not ${PROVIDER_LABELS[provider].replace(' (CSV)', '')}: its header lacks ${missing.join(', ')} ${missing.length === 1 ? 'column' : 'columns'} that export has. Choose the provider the file comes from.`;
  const tagColumns =
    provider === 'aws'
      ? header.flatMap((h, index) => {
          const m = /^resourceTags\/(?:user:|aws:)?(.+)$/.exec(h.trim());
          return m?.[1] ? [{ key: m[1], index }] : [];
        })
      : [];
  const tagJson = findColumn(header, n.tags);
  if (tagColumns.length === 0 && tagJson < 0)
    return 'The file has no resource tags: Keel maps costs to models by their tags. Include the tags in the export (AWS: cost allocation tags; Azure: Tags; GCP: labels).';
  const currency = findColumn(header, n.currency);
  const usage = findColumn(header, n.usage);
  return {
    date,
    cost,
    currency: currency < 0 ? null : currency,
    service,
    usage: usage < 0 ? null : usage,
    tagColumns,
    tagJson: tagJson < 0 ? null : tagJson,
  };
}

/**
 * The tags of a row as [key, value] pairs. JSON columns come as an object ({"model":"x"}, CUR 2.0 keys prefixed
 * user_), Azure's object without braces ("model": "x", "env": "prod"), or GCP's list of {key, value}.
 */
export function tagsOf(row: readonly string[], c: CostColumns): [string, string][] {
  const out: [string, string][] = [];
  for (const t of c.tagColumns) {
    const v = row[t.index]?.trim();
    if (v) out.push([t.key, v]);
  }
  if (c.tagJson !== null) {
    const raw = row[c.tagJson]?.trim() ?? '';
    if (raw !== '') {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(raw.startsWith('{') || raw.startsWith('[') ? raw : `{${raw}}`);
      } catch {
        parsed = null;
      }
      if (Array.isArray(parsed)) {
        for (const item of parsed)
          if (item && typeof item === 'object' && 'key' in item && 'value' in item) out.push([String(item.key), String(item.value)]);
      } else if (parsed && typeof parsed === 'object') {
        for (const [k, v] of Object.entries(parsed)) if (v !== null && v !== '') out.push([k.replace(/^user_/, ''), String(v)]);
      }
    }
  }
  return out;
}

/** The model a row's tags name, null when none, or the sentence when they name two. */
export function modelOfTags(
  tags: readonly [string, string][],
  mapping: ReadonlyMap<string, string>,
): string | null | { ambiguous: string[] } {
  let found: string | null = null;
  const all = new Set<string>();
  for (const [k, v] of tags) {
    const m = mapping.get(`${k}=${v}`);
    if (m) {
      all.add(m);
      found ??= m;
    }
  }
  return all.size > 1 ? { ambiguous: [...all] } : found;
}

export const mappingKey = (tagKey: string, tagValue: string) => `${tagKey}=${tagValue}`;

/** Spend outruns its budget when the month's total is above it (no budget: never). */
export const overBudget = (totalMinor: number, budgetMinor: number | null): boolean => budgetMinor !== null && totalMinor > budgetMinor;

/** One model's month: its cost by category against its budget, per 1,000 predictions, and what the team cost. */
export type CostMonthFigures = {
  totalMinor: number;
  budgetMinor: number | null;
  /** Total − budget (positive: over). */
  varianceMinor: number | null;
  over: boolean;
  /** Cost per 1,000 predictions in minor units, when volume was recorded. */
  per1kMinor: number | null;
  /** Run cost + the team's billed hours on the model. */
  withTeamMinor: number;
};

export function costMonth(input: {
  byCategory: Readonly<Partial<Record<CostCategory, number>>>;
  budgetMinor: number | null;
  predictions: number | null;
  teamMinor: number;
}): CostMonthFigures {
  const totalMinor = COST_CATEGORIES.reduce((n, c) => n + (input.byCategory[c] ?? 0), 0);
  const varianceMinor = input.budgetMinor === null ? null : totalMinor - input.budgetMinor;
  return {
    totalMinor,
    budgetMinor: input.budgetMinor,
    varianceMinor,
    over: overBudget(totalMinor, input.budgetMinor),
    per1kMinor: input.predictions && input.predictions > 0 ? Math.round((totalMinor * 1000) / input.predictions) : null,
    withTeamMinor: totalMinor + input.teamMinor,
  };
}
