import { dateLabel } from '@shared/kernel/dates';
import { escapeHtml, printDocument, tableHtml } from '@shared/kernel/printDocument';
import type { ScorecardData } from '../contract/scorecard';
import { radarSvg } from './radar';

/** How many gaps and contradictions the one-page summary lists before saying how many more there are. */
const TOP = { gaps: 4, contradictions: 3 };

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
        a.frameworkRef,
        a.status === 'final' ? 'Final' : 'Draft — not final',
      ]
        .filter((x) => x !== null)
        .join(' · '),
    )}</p>`,
  ];

  let radar = '';
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
    radar = radarSvg(axes, series, 150);
  }

  // At a glance: the radar beside each framework's overall level (a layout table: the print stylesheet is fixed).
  const contradictionCount = detail.crossChecks.filter((c) => c.verdict === 'contradicts').length;
  const glance = [
    ...detail.levels.map(
      (l) =>
        `<p><strong>${escapeHtml(l.frameworkName)}</strong><br>overall ${l.overall} — ${escapeHtml(l.overallName)} <span class="note">(${escapeHtml(l.overallRule)})</span></p>`,
    ),
    `<p>${detail.progress.answered} of ${detail.progress.total} criteria answered; Keel measures ${detail.crossChecks.length} of them from its own data.</p>`,
    `<p${contradictionCount > 0 ? ' class="flag"' : ''}>${contradictionCount} ${contradictionCount === 1 ? 'answer contradicts' : 'answers contradict'} Keel’s own data.</p>`,
  ].join('');
  parts.push(
    radar
      ? `<table role="presentation" width="100%"><tr><td width="380" valign="top">${radar}</td><td valign="top">${glance}</td></tr></table>`
      : glance,
  );
  // Every framework's dimensions in one table.
  const levelRows = detail.levels.flatMap((l) =>
    l.dimensions.map((d) => [
      l.dimensions.length === 1 ? `${l.frameworkName.split(' ')[0]}: ${d.dimensionName.toLowerCase()}` : d.dimensionName,
      String(d.level),
      previous ? String(levelOf(previous.levels, l.framework, d.dimension) ?? '—') : '—',
      String(targetOf(l.framework, d.dimension) ?? '—'),
      d.next
        ? `${d.next.blockers[0]?.title ?? ''}${d.next.blockers.length > 1 ? ` (and ${d.next.blockers.length - 1} more)` : ''}`
        : 'Top level reached',
    ]),
  );
  parts.push(tableHtml(['Dimension', 'Level', 'Prev.', 'Target', 'What blocks the next level'], levelRows));

  parts.push('<h2>Top gaps and next steps</h2>');
  const open = gaps.filter((g) => g.gap > 0);
  if (open.length === 0) parts.push('<p class="note">No open gap to a target.</p>');
  else {
    parts.push(
      tableHtml(
        ['Dimension', 'Now → target', 'Due', 'Next step'],
        open.slice(0, TOP.gaps).map((g) => {
          const step = g.nextSteps[0]?.title ?? '';
          return [
            g.dimensionName,
            `${g.current} → ${g.target}`,
            g.daysLeft < 0 ? `overdue by ${-g.daysLeft} days` : dateLabel(g.dueOn),
            g.nextSteps.length > 1 ? `${step} (and ${g.nextSteps.length - 1} more steps)` : step,
          ];
        }),
      ),
    );
  }
  parts.push(more(open.length - TOP.gaps, 'gaps (the scorecard workbook lists every step)'));

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
          return `<p class="flag"><strong>${escapeHtml(criterion?.id ?? c.criterionId)}</strong>: ${escapeHtml(c.message)}</p>`;
        })
        .join('')}${more(contradictions.length - TOP.contradictions, 'contradictions')}</div>`,
    );
  }
  return printDocument({
    title: `Maturity summary – ${a.clientName} – ${a.assessedOn}`,
    subject: `Maturity summary: ${a.clientName}`,
    owner: a.status === 'final' ? `Final assessment of ${dateLabel(a.assessedOn)}` : `Draft of ${dateLabel(a.assessedOn)}`,
    generatedAt: data.generatedAt,
    parts: [parts.join('\n')],
  });
}
