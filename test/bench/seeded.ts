import type { SpecialistRole } from '@shared/clients/rules/reference';

/** Deterministic building blocks shared by the benchmark's dataset generators. */

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same dataset. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  };
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return pick(items)[0];
  };
  /** `count` distinct items, in random order. */
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(...pool.splice(Math.floor(next() * pool.length), 1));
    return out;
  };
  return { next, int, pick, weighted, sample, chance: (p: number) => next() < p };
}

export type Rng = ReturnType<typeof prng>;

/** Day numbers (days since 1970-01-01, UTC) and back: the generators walk dates as integers. */
export const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
export const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

export const ROLE_SKILLS: Record<SpecialistRole, string[]> = {
  mlops_engineer: ['Kubernetes', 'Kubeflow', 'MLflow', 'Argo Workflows', 'KServe'],
  ml_platform_engineer: ['Kubernetes', 'Terraform', 'Ray', 'Helm', 'Feast'],
  ml_engineer: ['PyTorch', 'TensorFlow', 'scikit-learn', 'ONNX', 'Triton'],
  data_engineer: ['Spark', 'Airflow', 'dbt', 'Kafka', 'Snowflake'],
  data_scientist: ['Python', 'scikit-learn', 'XGBoost', 'Pandas', 'Statistics'],
  sre: ['Kubernetes', 'Prometheus', 'Grafana', 'OpenTelemetry', 'Linux'],
  devops_engineer: ['Terraform', 'GitHub Actions', 'GitLab CI', 'Argo CD', 'Docker'],
  engagement_lead: ['Stakeholder management', 'Scrum', 'MLOps maturity assessment', 'EU AI Act'],
};

/** UUIDv7-shaped ids from a seeded generator: the timestamp is the record's own instant (ORDER BY id is time order), the same ids for the same seed. */
export function idMaker(rng: Rng) {
  let lastMs = -1;
  let sequence = 0;
  const hex = (digits: number) => {
    let out = '';
    for (let i = 0; i < digits; i++) out += Math.floor(rng.next() * 16).toString(16);
    return out;
  };
  return (ms: number): string => {
    if (ms <= lastMs) {
      sequence++;
      ms = lastMs;
    } else {
      sequence = 0;
      lastMs = ms;
    }
    const time = ms.toString(16).padStart(12, '0');
    const variant = (8 + Math.floor(rng.next() * 4)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${(sequence & 0xfff).toString(16).padStart(3, '0')}-${variant}${hex(3)}-${hex(12)}`;
  };
}
