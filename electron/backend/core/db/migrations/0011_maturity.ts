import type { Migration } from './types';

/**
 * Maturity assessments.
 *
 * - maturity_framework: the exact copy of a framework set (criteria + the Microsoft and Google mappings, from
 *   resources/maturity) an assessment was made with, keyed by the sha-256 of its content: an edited file never
 *   changes an old assessment; a new version sits beside the old.
 * - maturity_assessment: per client (optionally per engagement); the frameworks it is read against; draft or
 *   final. A final one is immutable (triggers refuse any change to it or its answers); its computed levels are
 *   kept beside it then (in full, and in brief for the trends and comparisons across clients), since neither its
 *   answers nor its framework copy can change again. A correction is a
 *   new assessment citing the one it corrects.
 * - maturity_answer: one per criterion answered (yes / partly / no / not applicable), evidence and links,
 *   confidence. The criterion belongs to the assessment's framework copy (checked by the service).
 * - maturity_target: the level a client aims for per framework and dimension, by a date.
 * - maturity_readiness: a client's answers to the readiness check (the rest is computed from the portfolio).
 */
export const m0011Maturity: Migration = {
  version: 11,
  name: 'maturity frameworks, assessments, answers, targets, readiness',
  up: `
    CREATE TABLE maturity_framework (
      hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
      set_id TEXT NOT NULL CHECK (set_id <> ''),
      version TEXT NOT NULL CHECK (version <> ''),
      name TEXT NOT NULL CHECK (name <> ''),
      body TEXT NOT NULL CHECK (json_valid(body) AND json_type(body) = 'object'),
      stored_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE maturity_assessment (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client (id),
      engagement_id TEXT REFERENCES engagement (id),
      framework_hash TEXT NOT NULL REFERENCES maturity_framework (hash),
      frameworks TEXT NOT NULL CHECK (json_valid(frameworks) AND json_type(frameworks) = 'array' AND json_array_length(frameworks) >= 1),
      assessed_on TEXT NOT NULL,
      assessor_kind TEXT NOT NULL CHECK (assessor_kind IN ('specialist', 'contact')),
      assessor_id TEXT NOT NULL,
      participants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(participants) AND json_type(participants) = 'array'),
      overall_rule TEXT NOT NULL DEFAULT 'lowest' CHECK (overall_rule IN ('lowest', 'median')),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
      finalised_at TEXT,
      levels TEXT CHECK (levels IS NULL OR (json_valid(levels) AND json_type(levels) = 'array')),
      levels_brief TEXT CHECK (levels_brief IS NULL OR (json_valid(levels_brief) AND json_type(levels_brief) = 'array')),
      corrects_id TEXT REFERENCES maturity_assessment (id),
      correction_reason TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((status = 'final') = (finalised_at IS NOT NULL)),
      CHECK (status = 'draft' OR (levels IS NOT NULL AND levels_brief IS NOT NULL)),
      CHECK ((corrects_id IS NULL) = (correction_reason = ''))
    ) STRICT;
    CREATE INDEX maturity_assessment_client ON maturity_assessment (client_id, assessed_on, created_at);
    CREATE INDEX maturity_assessment_final ON maturity_assessment (status, client_id, assessed_on);

    CREATE TABLE maturity_answer (
      assessment_id TEXT NOT NULL REFERENCES maturity_assessment (id),
      criterion_id TEXT NOT NULL CHECK (criterion_id <> ''),
      answer TEXT NOT NULL CHECK (answer IN ('yes', 'partly', 'no', 'not_applicable')),
      evidence TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 4000),
      links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links) AND json_type(links) = 'array'),
      confidence TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (assessment_id, criterion_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER maturity_final_assessment_update BEFORE UPDATE ON maturity_assessment WHEN OLD.status = 'final'
    BEGIN SELECT RAISE(ABORT, 'a final assessment is immutable'); END;
    CREATE TRIGGER maturity_final_assessment_delete BEFORE DELETE ON maturity_assessment WHEN OLD.status = 'final'
    BEGIN SELECT RAISE(ABORT, 'a final assessment is immutable'); END;
    CREATE TRIGGER maturity_final_answer_insert BEFORE INSERT ON maturity_answer
      WHEN (SELECT status FROM maturity_assessment WHERE id = NEW.assessment_id) = 'final'
    BEGIN SELECT RAISE(ABORT, 'a final assessment is immutable'); END;
    CREATE TRIGGER maturity_final_answer_update BEFORE UPDATE ON maturity_answer
      WHEN (SELECT status FROM maturity_assessment WHERE id = OLD.assessment_id) = 'final'
    BEGIN SELECT RAISE(ABORT, 'a final assessment is immutable'); END;
    CREATE TRIGGER maturity_final_answer_delete BEFORE DELETE ON maturity_answer
      WHEN (SELECT status FROM maturity_assessment WHERE id = OLD.assessment_id) = 'final'
    BEGIN SELECT RAISE(ABORT, 'a final assessment is immutable'); END;

    CREATE TABLE maturity_target (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client (id),
      framework TEXT NOT NULL CHECK (framework IN ('microsoft', 'google')),
      dimension TEXT NOT NULL CHECK (dimension <> ''),
      level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 9),
      due_on TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (client_id, framework, dimension)
    ) STRICT;

    CREATE TABLE maturity_readiness (
      client_id TEXT PRIMARY KEY NOT NULL REFERENCES client (id),
      answers TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers) AND json_type(answers) = 'object'),
      notes TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
