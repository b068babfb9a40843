import { dateLabel } from '@shared/kernel/dates';
import { escapeHtml, factsHtml, printDocument, tableHtml } from '@shared/kernel/printDocument';
import type { CardBlock, ModelCard } from './card';

function blockHtml(b: CardBlock): string {
  switch (b.kind) {
    case 'text':
      return `${b.label ? `<h3>${escapeHtml(b.label)}</h3>` : ''}<p>${escapeHtml(b.text.trim())}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
    case 'facts':
      return factsHtml(b.rows);
    case 'table':
      return tableHtml(b.head, b.rows);
  }
}

/** The card as one part of a printed document (the card PDF, the audit pack's first part). */
export function cardPartHtml(card: ModelCard): string {
  const missing = card.sections.filter((s) => !s.complete);
  const warning =
    missing.length === 0
      ? ''
      : `<p class="warning"><strong>Incomplete:</strong> ${missing
          .map((s) => `${escapeHtml(s.title)} (${escapeHtml(s.missing.join(', '))})`)
          .join('; ')}.</p>`;
  return [
    `<h1>Model card: ${escapeHtml(card.modelName)}</h1>`,
    `<p class="lede">${escapeHtml(card.clientName)} · as of ${escapeHtml(dateLabel(card.asOf))}</p>`,
    warning,
    ...card.sections.map(
      (s) =>
        `<section aria-labelledby="card-${s.id}"><h2 id="card-${s.id}">${escapeHtml(s.title)}</h2>${s.blocks.map(blockHtml).join('')}</section>`,
    ),
  ].join('\n');
}

/** The printable model card: one self-contained HTML page. */
export function cardDocumentHtml(card: ModelCard, generatedAt: string): string {
  return printDocument({
    title: `Model card – ${card.modelName}`,
    subject: `Model card: ${card.modelName}`,
    owner: card.clientName,
    generatedAt,
    parts: [cardPartHtml(card)],
  });
}
