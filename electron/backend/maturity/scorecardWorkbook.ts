import { addTable, type Column, DATE_FORMAT, excel, excelDate, fitColumns, workbookBuffer } from '@backend/core/excel';
import type { ScorecardData } from '@shared/maturity/contract/scorecard';
import { isMet } from '@shared/maturity/rules/levels';
import { ANSWER_LABELS, CONFIDENCE_LABELS, OVERALL_RULE_LABELS } from '@shared/maturity/rules/vocabulary';

/**
 * The scorecard of one assessment as a workbook (`assessments.scorecard`), for the client lead to send or
 * keep: every answer with its evidence, the computed levels with what blocks the next, the cross-check
 * flags and the targets with their next steps.
 *
 * - **Summary**: who assessed what, when, on which framework version (and its content hash), the levels per
 *   framework and dimension with the blocking criteria, the overall level and its rule, the contradictions.
 * - **Answers**: one row per criterion in section order, with Keel's measurement beside the answer.
 * - **Levels**: every framework × dimension × level with its criteria and whether it is reached.
 * - **Targets**: current vs target per dimension, due date, gap and next steps.
 *
 * Every text cell is made formula-safe as the workbook is written (`workbookBuffer`).
 */
export async function scorecardWorkbook(data: ScorecardData): Promise<Buffer> {
  const { detail } = data;
  const a = detail.assessment;
  const book = new (excel().Workbook)();
  book.creator = 'Keel';
  book.title = `Maturity scorecard – ${a.clientName} – ${a.assessedOn}`;
  book.created = new Date(data.generatedAt);

  // ---------------------------------------------------------------- Summary
  const summary = book.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 0 }] });
  summary.columns = [{ width: 28 }, { width: 16 }, { width: 34 }, { width: 16 }, { width: 70 }];
  const fact = (label: string, value: string | Date) => {
    const row = summary.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT;
  };
  summary.addRow([`Maturity scorecard — ${a.clientName}`]).font = { bold: true, size: 14 };
  fact('Client', a.clientName);
  fact('Engagement', a.engagementName ?? 'The whole client');
  fact('Assessed on', excelDate(a.assessedOn));
  fact('Assessor', a.assessorName);
  fact('Participants', a.participantNames.join(', ') || 'None recorded');
  fact('Framework version', `${a.frameworkName} (${a.frameworkRef}), content hash ${a.frameworkHash.slice(0, 12)}`);
  fact('Status', a.status === 'final' ? `Final since ${a.finalisedAt?.slice(0, 10) ?? ''}` : 'Draft — not final');
  fact('Overall level rule', OVERALL_RULE_LABELS[a.overallRule]);
  fact('Answered', `${detail.progress.answered} of ${detail.progress.total} criteria`);
  fact('Contradictions', String(detail.contradictions));
  if (a.correctsId) fact('Corrects', `${a.correctsId} — ${a.correctionReason}`);
  for (const l of detail.levels) {
    summary.addRow([]);
    summary.addRow([l.frameworkName]).font = { bold: true, size: 12 };
    const head = summary.addRow(['Dimension', 'Level', 'Level name', 'Next level', 'Blocking criteria']);
    head.font = { bold: true };
    for (const d of l.dimensions) {
      summary.addRow([
        d.dimensionName,
        d.level,
        d.levelName,
        d.next ? d.next.level : 'Top reached',
        d.next ? d.next.blockers.map((b) => b.title).join('; ') : '',
      ]);
    }
    const overall = summary.addRow([`Overall (${l.overallRule})`, l.overall, l.overallName]);
    overall.font = { bold: true };
  }

  // ---------------------------------------------------------------- Answers
  const answers = new Map(detail.answers.map((x) => [x.criterionId, x]));
  const checks = new Map(detail.crossChecks.map((c) => [c.criterionId, c]));
  const sectionName = new Map(detail.set.sections.map((s) => [s.key, s.name]));
  const order = new Map(detail.set.sections.map((s, i) => [s.key, i]));
  const criteria = [...detail.set.criteria].sort((x, y) => (order.get(x.section) ?? 0) - (order.get(y.section) ?? 0));
  const answerRows = criteria.map((c) => {
    const given = answers.get(c.id);
    const check = checks.get(c.id);
    return {
      section: sectionName.get(c.section) ?? c.section,
      id: c.id,
      question: c.title,
      answer: given ? ANSWER_LABELS[given.answer] : 'Not answered',
      met: isMet(given?.answer) ? 'Yes' : 'No',
      confidence: given ? CONFIDENCE_LABELS[given.confidence] : '',
      evidence: given?.evidence ?? '',
      links: given?.links.join('\n') ?? '',
      measured: check ? check.message : c.measure === null ? 'Keel cannot measure this yet' : '',
      flag: check?.verdict === 'contradicts' ? 'Contradiction' : check?.verdict === 'understated' ? 'Understated' : '',
    };
  });
  const answerColumns: Column[] = [
    { header: 'Section', key: 'section', width: 18 },
    { header: 'Criterion id', key: 'id', width: 22 },
    { header: 'Question', key: 'question', width: 50 },
    { header: 'Answer', key: 'answer', width: 14 },
    { header: 'Met', key: 'met', width: 6 },
    { header: 'Confidence', key: 'confidence', width: 11 },
    { header: 'Evidence', key: 'evidence', width: 40 },
    { header: 'Links', key: 'links', width: 30 },
    { header: 'Keel measured', key: 'measured', width: 50 },
    { header: 'Flag', key: 'flag', width: 14 },
  ];
  const answerSheet = addTable(book, 'Answers', fitColumns(answerColumns, answerRows, 70), answerRows, 2);
  answerSheet.eachRow((row, n) => {
    if (n === 1) return;
    row.alignment = { vertical: 'top', wrapText: true };
    const flag = row.getCell('flag');
    if (flag.value === 'Contradiction') flag.font = { bold: true, color: { argb: 'FF9A3412' } };
  });

  // ---------------------------------------------------------------- Levels
  const levelRows = detail.levels.flatMap((l) => {
    const framework = detail.set.frameworks.find((f) => f.key === l.framework);
    return l.dimensions.flatMap((d) =>
      (framework?.cells ?? [])
        .filter((cell) => cell.dimension === d.dimension)
        .sort((x, y) => x.level - y.level)
        .map((cell) => ({
          framework: l.frameworkName,
          dimension: d.dimensionName,
          level: cell.level,
          name: framework?.levels[cell.level]?.name ?? '',
          criteria: cell.criteria.join(', '),
          met: cell.criteria.filter((id) => isMet(answers.get(id)?.answer)).length,
          of: cell.criteria.length,
          reached: cell.level <= d.level ? 'Yes' : 'No',
        })),
    );
  });
  addTable(
    book,
    'Levels',
    fitColumns(
      [
        { header: 'Framework', key: 'framework', width: 16 },
        { header: 'Dimension', key: 'dimension', width: 16 },
        { header: 'Level', key: 'level', width: 7 },
        { header: 'Level name', key: 'name', width: 24 },
        { header: 'Criteria', key: 'criteria', width: 40 },
        { header: 'Met', key: 'met', width: 6 },
        { header: 'Of', key: 'of', width: 6 },
        { header: 'Reached', key: 'reached', width: 9 },
      ],
      levelRows,
      80,
    ),
    levelRows,
    2,
  );

  // ---------------------------------------------------------------- Targets
  const targetRows = data.gaps.map((g) => ({
    framework: detail.set.frameworks.find((f) => f.key === g.framework)?.name ?? g.framework,
    dimension: g.dimensionName,
    current: g.current,
    target: g.target,
    due: excelDate(g.dueOn),
    gap: g.gap,
    steps: g.nextSteps.map((s) => `${s.title} — ${s.descriptor}`).join('\n'),
    reason: data.targets.find((t) => t.framework === g.framework && t.dimension === g.dimension)?.reason ?? '',
  }));
  const targetSheet = addTable(
    book,
    'Targets',
    [
      { header: 'Framework', key: 'framework', width: 30 },
      { header: 'Dimension', key: 'dimension', width: 24 },
      { header: 'Current', key: 'current', width: 9 },
      { header: 'Target', key: 'target', width: 8 },
      { header: 'Due on', key: 'due', width: 12, numFmt: DATE_FORMAT },
      { header: 'Gap', key: 'gap', width: 6 },
      { header: 'Next steps', key: 'steps', width: 90 },
      { header: 'Reason', key: 'reason', width: 30 },
    ],
    targetRows,
    2,
  );
  targetSheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });

  return workbookBuffer(book);
}
