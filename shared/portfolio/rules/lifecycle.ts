import { dateLabel } from '@shared/kernel/dates';
import { toDay } from '@shared/kernel/days';
import { type AiActCategory, STAGE_LABELS, STAGES, type Stage } from './vocabulary';

/** One dated change of a model's lifecycle stage; the first one (from nothing) registers the model in its first stage. */
export type StageTransition = {
  id: string;
  modelId: string;
  fromStage: Stage | null;
  toStage: Stage;
  /** The day the model entered `toStage`. */
  on: string;
  reason: string;
  /** Who recorded it. */
  actor: string;
  createdAt: string;
};

/** What the stage rule needs to know about a model. */
export type StageSubject = {
  name: string;
  aiActCategory: AiActCategory;
  /** Null while the model is being registered. */
  stage: Stage | null;
  /** The day its current stage began (its last transition), null while being registered. */
  stageSince: string | null;
  /** The day the model's history starts: no stage change is dated before it. */
  inServiceSince: string;
};

export type StageMove = { to: Stage; on: string; reason: string };

const order = (stage: Stage) => STAGES.indexOf(stage);

/** Stages a prohibited system may never reach. */
export const GATED_FOR_PROHIBITED: readonly Stage[] = ['pilot', 'production'];

/** The stages a model may be registered in: production and retired are reached by moving it, with their rules. */
export const FIRST_STAGES = ['idea', 'prototype', 'pilot'] as const satisfies readonly Stage[];

/**
 * Whether a model may move (or be registered) into a stage, as a sentence when
 * not. Forward one stage at a time; retiring from any stage with a reason; back
 * to any earlier stage with a reason; a prohibited system never reaches pilot
 * or production; production only with nothing missing from `productionGaps`
 * (each gap named); dated from the model's in-service date up to today, never
 * before its current stage began.
 */
export function stageMoveRefusal(model: StageSubject, move: StageMove, today: string, productionGaps: readonly string[]): string | null {
  const { name, stage } = model;
  const to = STAGE_LABELS[move.to];
  if (stage === move.to) return `${name} is already in ${to}.`;
  if (model.aiActCategory === 'prohibited' && GATED_FOR_PROHIBITED.includes(move.to)) {
    return `${name} is a prohibited system under the EU AI Act and can never reach ${to}.`;
  }
  if (stage === null && !(FIRST_STAGES as readonly Stage[]).includes(move.to)) {
    return `A model is registered as an idea, a prototype or a pilot; ${name} reaches ${to} by moving it there.`;
  }
  if (stage !== null) {
    const from = STAGE_LABELS[stage];
    const back = order(move.to) < order(stage);
    if (move.to === 'retired' && move.reason === '') return `Retiring ${name} needs a reason.`;
    if (back && move.reason === '') return `Moving ${name} back from ${from} to ${to} needs a reason.`;
    if (!back && move.to !== 'retired' && order(move.to) > order(stage) + 1) {
      const next = STAGES[order(stage) + 1] as Stage;
      return `${name} moves forward one stage at a time: from ${from} the next stage is ${STAGE_LABELS[next]}.`;
    }
  }
  if (move.on > today) return `A stage change cannot be dated after today (${dateLabel(today)}).`;
  if (move.on < model.inServiceSince) {
    return `${name} entered service on ${dateLabel(model.inServiceSince)}; a stage change cannot be dated before that (${dateLabel(move.on)}).`;
  }
  if (model.stageSince !== null && stage !== null && move.on < model.stageSince) {
    return `${name} entered ${STAGE_LABELS[stage]} on ${dateLabel(model.stageSince)}; the next stage change cannot be dated before it.`;
  }
  if (move.to === 'production' && productionGaps.length > 0) {
    return `${name} cannot enter Production: it needs ${joinWords(productionGaps)}.`;
  }
  return null;
}

/** "a, b and c" (or "a, b or c"). */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/**
 * Days spent in each stage, from the transitions (oldest first) up to today: a
 * stage runs from the day it was entered to the day the next one was, and the
 * current stage up to today. A stage entered and left on the same day counts 0.
 */
export function daysInStages(transitions: readonly Pick<StageTransition, 'toStage' | 'on'>[], today: string): Record<Stage, number> {
  const days: Record<Stage, number> = { idea: 0, prototype: 0, pilot: 0, production: 0, retired: 0 };
  transitions.forEach((t, i) => {
    const end = transitions[i + 1]?.on ?? today;
    days[t.toStage] += Math.max(0, toDay(end) - toDay(t.on));
  });
  return days;
}

/** Days since a stage began (0 on the day itself). */
export function daysSince(since: string, today: string): number {
  return Math.max(0, toDay(today) - toDay(since));
}

/** Whether a model was in a stage on any day of [from, to], from its transitions (oldest first). */
export function wasInStageDuring(
  transitions: readonly Pick<StageTransition, 'toStage' | 'on'>[],
  stage: Stage,
  from: string,
  to: string,
): boolean {
  return transitions.some((t, i) => {
    const next = transitions[i + 1]?.on;
    // In the stage from t.on up to the day before the next change, or still in it.
    return t.toStage === stage && t.on <= to && (next === undefined || (next > from && next > t.on));
  });
}
