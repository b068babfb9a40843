import { dateLabel } from '@shared/kernel/dates';
import { escapeHtml, factsHtml, printDocument, tableHtml } from '@shared/kernel/printDocument';
import type { ScorecardData } from '../contract/scorecard';
import { radarSvg } from './radar';

/** How many gaps and contradictions the one-page summary lists before saying how many more there are. */
const TOP = { gaps: 4, stepsPerGap: 3, contradictions: 4 };

const more = (n: number, what: string) => (n > 0 ? `<p class="note">… and ${n} more ${what}.</p>` : '');

/**
 * The one-page printable summary of an assessment: the radar (current vs previous vs target) of its first
 * framework with four or more dimensions, the levels per framework, the top gaps with their next steps and
 * the contradictions the cross-check found. Lists are cut to keep it one page.
 */
export function scorecardSummaryHtml(data: ScorecardData): string {
  const { detail, previous, targets, gaps } = data;
  const a = detail.assessment;
  const levelOf = (levels: ScorecardData['detail']['levels'] | undefined, framework: string, dimension: string) =>
    levels?.find((l) => l.framework === framework)?.dimensions.find((d) => d.dimension === dimension)?.level;
  const targetOf = (framework: string, dimension: string) =>
    targets.find((t) => t.framework === framework && t.dimension === dimension)?.level;

  const parts: string[] = [
    `<h1>Maturity summary — ${escapeHtml(a.clientName)}</h1>`,
    `<p class="lede">${escapeHtml(
      [
        `Assessed ${dateLabel(a.assessedOn)} by ${a.assessorName}`,
        a.engagementName ? `engagement ${a.engagementName}` : null,
        `${a.frameworkName} (${a.frameworkRef})`,
        a.status === 'final' ? 'Final' : 'Draft — not final',
      ]
        .filter((x) => x !== null)
        .join(' · '),
    )}</p>`,
  ];

  const radarFramework = detail.levels.find((l) => l.dimensions.length >= 3);
  if (radarFramework) {
    const framework = detail.set.frameworks.find((f) => f.key === radarFramework.framework);
    const top = (framework?.levels.length ?? 1) - 1;
    const axes = radarFramework.dimensions.map((d) => ({ label: d.dimensionName, max: top }));
    const series = [
      {
        name: `This assessment (${dateLabel(a.assessedOn)})`,
        values: radarFramework.dimensions.map((d) => d.level),
        stroke: '#0969da',
        fill: '#0969da',
      },
    ];
    if (previous) {
      series.push({
        name: `Previous (${dateLabel(previous.assessedOn)})`,
        values: radarFramework.dimensions.map((d) => levelOf(previous.levels, radarFramework.framework, d.dimension) ?? 0),
        stroke: '#8c959f',
        fill: 'none',
      });
    }
    const targetValues = radarFramework.dimensions.map((d) => targetOf(radarFramework.framework, d.dimension));
    if (targetValues.some((v) => v !== undefined)) {
      series.push({
        name: 'Target',
        values: radarFramework.dimensions.map((d, i) => targetValues[i] ?? d.level),
        stroke: '#9a3412',
        fill: 'none',
        ...{ dash: '4 3' },
      } as (typeof series)[number]);
    }
    parts.push(`<h2>${escapeHtml(radarFramework.frameworkName)}</h2>`, `<div>${radarSvg(axes, series, 250)}</div>`);
  }

  for (const l of detail.levels) {
    const rows = l.dimensions.map((d) => [
      d.dimensionName,
      `${d.level} — ${d.levelName}`,
      previous ? String(levelOf(previous.levels, l.framework, d.dimension) ?? '—') : '—',
      String(targetOf(l.framework, d.dimension) ?? '—'),
      d.next
        ? `${d.next.blockers[0]?.title ?? ''}${d.next.blockers.length > 1 ? ` (+${d.next.blockers.length - 1})` : ''}`
        : 'Top level reached',
    ]);
    parts.push(
      `<h3>${escapeHtml(l.frameworkName)}: overall ${l.overall} — ${escapeHtml(l.overallName)} <span class="note">(${escapeHtml(l.overallRule)})</span></h3>`,
      tableHtml(['Dimension', 'Level', 'Previous', 'Target', 'Blocks the next level'], rows),
    );
  }

  parts.push('<h2>Top gaps and next steps</h2>');
  const open = gaps.filter((g) => g.gap > 0);
  if (open.length === 0) parts.push('<p class="note">No open gap to a target.</p>');
  for (const g of open.slice(0, TOP.gaps)) {
    const due = g.daysLeft < 0 ? `overdue by ${-g.daysLeft} days` : `due ${dateLabel(g.dueOn)}`;
    parts.push(
      `<h3>${escapeHtml(`${g.dimensionName}: level ${g.current} → ${g.target}, ${due}`)}</h3>`,
      `<p>${g.nextSteps
        .slice(0, TOP.stepsPerGap)
        .map((s) => `• ${escapeHtml(s.title)} — ${escapeHtml(s.descriptor)}`)
        .join('<br>')}${g.nextSteps.length > TOP.stepsPerGap ? `<br>… and ${g.nextSteps.length - TOP.stepsPerGap} more steps` : ''}</p>`,
    );
  }
  parts.push(more(open.length - TOP.gaps, 'gaps'));

  const contradictions = detail.crossChecks.filter((c) => c.verdict === 'contradicts');
  parts.push('<h2>Checked against Keel’s own data</h2>');
  if (contradictions.length === 0)
    parts.push('<p class="note">No answer contradicts what the portfolio and the ownership matrix show.</p>');
  else {
    parts.push(
      `<div class="warning">${contradictions
        .slice(0, TOP.contradictions)
        .map((c) => {
          const criterion = detail.set.criteria.find((x) => x.id === c.criterionId);
          return `<p class="flag"><strong>${escapeHtml(criterion?.title ?? c.criterionId)}</strong> ${escapeHtml(c.message)}</p>`;
        })
        .join('')}${more(contradictions.length - TOP.contradictions, 'contradictions')}</div>`,
    );
  }
  parts.push(
    factsHtml([
      { label: 'Answered', value: `${detail.progress.answered} of ${detail.progress.total} criteria` },
      { label: 'Not measurable by Keel yet', value: `${detail.unmeasured} criteria` },
    ]),
  );

  return printDocument({
    title: `Maturity summary – ${a.clientName} – ${a.assessedOn}`,
    subject: `Maturity summary: ${a.clientName}`,
    owner: a.status === 'final' ? `Final assessment of ${dateLabel(a.assessedOn)}` : `Draft of ${dateLabel(a.assessedOn)}`,
    generatedAt: data.generatedAt,
    parts: [parts.join('\n')],
  });
}
