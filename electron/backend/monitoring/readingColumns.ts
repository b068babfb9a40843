import type { CheckedReading } from '@shared/monitoring/rules/readings';

/**
 * Checked readings held as columns of numbers (8 + 8 + 4 + 4 bytes a reading) rather than objects: a million
 * readings take 24 MB, and keeping them is one short loop of inserts. Series (model, metric, segment) and versions
 * are numbered in order of first appearance.
 */
export class ReadingColumns {
  length = 0;
  at = new Float64Array(4096);
  value = new Float64Array(4096);
  series = new Int32Array(4096);
  version = new Int32Array(4096);
  readonly seriesKeys: { modelId: string; metric: string; segment: string }[] = [];
  readonly versionIds: string[] = [];
  private readonly seriesIndex = new Map<string, number>();
  private readonly versionIndex = new Map<string, number>();

  push(r: CheckedReading): void {
    if (this.length === this.at.length) this.grow();
    const key = `${r.modelId}\u0000${r.metric}\u0000${r.segment}`;
    let s = this.seriesIndex.get(key);
    if (s === undefined) {
      s = this.seriesKeys.length;
      this.seriesKeys.push({ modelId: r.modelId, metric: r.metric, segment: r.segment });
      this.seriesIndex.set(key, s);
    }
    let v = -1;
    if (r.versionId !== null) {
      v = this.versionIndex.get(r.versionId) ?? -1;
      if (v < 0) {
        v = this.versionIds.length;
        this.versionIds.push(r.versionId);
        this.versionIndex.set(r.versionId, v);
      }
    }
    const i = this.length++;
    this.at[i] = r.at;
    this.value[i] = r.value;
    this.series[i] = s;
    this.version[i] = v;
  }

  private grow(): void {
    const size = this.at.length * 2;
    const at = new Float64Array(size);
    at.set(this.at);
    const value = new Float64Array(size);
    value.set(this.value);
    const series = new Int32Array(size);
    series.set(this.series);
    const version = new Int32Array(size);
    version.set(this.version);
    Object.assign(this, { at, value, series, version });
  }
}
