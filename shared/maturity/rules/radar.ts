import { escapeHtml } from '@shared/kernel/printDocument';

/**
 * A radar chart as inline SVG, for the printed summary (the screens draw theirs with recharts; a printed page
 * runs no script). Only SVG attributes: the page's CSP allows the kernel's stylesheet alone, so no style
 * attribute or element. Every label is escaped.
 */
export type RadarSeries = { name: string; values: readonly number[]; stroke: string; dash?: string; fill?: string };

const round = (n: number) => Math.round(n * 10) / 10;

export function radarSvg(axes: readonly { label: string; max: number }[], series: readonly RadarSeries[], size: number): string {
  const n = axes.length;
  const legendHeight = 16 * series.length + 8;
  // Room either side for the axis labels: the chart is wider than tall.
  const side = 95;
  const width = size + 2 * side;
  const cx = width / 2;
  const cy = size / 2;
  const r = size / 2 - 24;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i: number, share: number) =>
    [round(cx + r * share * Math.cos(angle(i))), round(cy + r * share * Math.sin(angle(i)))] as const;
  const max = Math.max(1, ...axes.map((a) => a.max));
  const rings = Array.from({ length: max }, (_, k) => {
    const share = (k + 1) / max;
    const points = axes.map((_, i) => at(i, share).join(',')).join(' ');
    return `<polygon points="${points}" fill="none" stroke="#d0d7de" stroke-width="0.8"/>`;
  });
  const ringLabels = Array.from({ length: max }, (_, k) => {
    const [x, y] = at(0, (k + 1) / max);
    return `<text x="${x + 4}" y="${y + 3}" font-size="8" fill="#57606a">${k + 1}</text>`;
  });
  const spokes = axes.map((_, i) => {
    const [x, y] = at(i, 1);
    return `<line x1="${cx}" y1="${cy}" x2="${x}" y2="${y}" stroke="#d0d7de" stroke-width="0.8"/>`;
  });
  const labels = axes.map((a, i) => {
    const [x, y] = at(i, 1.1);
    const cos = Math.cos(angle(i));
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    return `<text x="${x}" y="${y + 3}" font-size="9" text-anchor="${anchor}" fill="#1b1f24">${escapeHtml(a.label)}</text>`;
  });
  const shapes = series.map((s) => {
    const points = axes.map((_, i) => at(i, Math.max(0, Math.min(s.values[i] ?? 0, max)) / max).join(',')).join(' ');
    return `<polygon points="${points}" fill="${s.fill ?? 'none'}" fill-opacity="0.18" stroke="${s.stroke}" stroke-width="1.6"${
      s.dash ? ` stroke-dasharray="${s.dash}"` : ''
    }/>`;
  });
  const legend = series.map(
    (s, k) =>
      `<line x1="${side}" y1="${size + 10 + 16 * k}" x2="${side + 24}" y2="${size + 10 + 16 * k}" stroke="${s.stroke}" stroke-width="2"${
        s.dash ? ` stroke-dasharray="${s.dash}"` : ''
      }/><text x="${side + 30}" y="${size + 13 + 16 * k}" font-size="9" fill="#1b1f24">${escapeHtml(s.name)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${size + legendHeight}" viewBox="0 0 ${width} ${size + legendHeight}" role="img" aria-label="${escapeHtml(
    `Radar of ${axes.map((a) => a.label).join(', ')}: ${series.map((s) => s.name).join(', ')}`,
  )}">${[...rings, ...spokes, ...ringLabels, ...shapes, ...labels, ...legend].join('')}</svg>`;
}
