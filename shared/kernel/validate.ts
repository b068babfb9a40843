import { z } from 'zod';
import type { FieldIssue, KeelError } from './errors';

/** Turns schema issues into field messages a person can read: "endDate: must be on or after the start date". */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `has ${issue.keys.length === 1 ? 'a field' : 'fields'} Keel does not know: ${issue.keys.map((k) => `“${k}”`).join(', ')}`;
    else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) message = 'is required';
    return { path, message };
  });
}

export function invalidInput(error: z.ZodError): KeelError {
  const issues = toFieldIssues(error);
  const first = issues[0];
  const summary = first ? `${first.path ? `${labelOf(first.path)} ` : ''}${first.message}` : 'The input is not valid';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return { code: 'invalid_input', message: `${capitalize(summary)}${more}.`, issues };
}

/** Fields whose label on screen is not their name in words. */
const LABELS: Record<string, string> = {
  minutes: 'Time',
  loadPercent: 'Load',
  metPercent: 'Share met',
  vatBasisPoints: 'VAT rate',
  expectedUpdatedAt: 'Last seen version',
  nonBillableReason: 'Non-billable reason',
  aiActCategory: 'EU AI Act category',
  on: 'Date',
};

/**
 * The label a person sees for a field: "holidayCalendar" → "Holiday calendar",
 * "hourlyRateMinor" → "Hourly rate", "specialistId" → "Specialist",
 * "monthlyCapMinutes" → "Monthly cap"; nested paths keep their last named part.
 */
export function labelOf(path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const known = LABELS[last];
  if (known) return known;
  const bare = last.replace(/(?<=[a-z])(Ids?|Minor|Minutes|Percent|BasisPoints)$/, '');
  const words = bare.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return capitalize(words);
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date',
};

const plural = (n: number | bigint, one: string) => `${n} ${one}${Number(n) === 1 ? '' : 's'}`;

/**
 * The words for the schema checks that carry no message of their own, in place of zod's
 * "Too small: expected string to have >=1 characters". A schema's own message wins.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'is required';
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string') return Number(min) <= 1 ? 'is required' : `must be at least ${plural(min, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at least ${plural(min, 'item')}`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `must be at most ${plural(max, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${plural(max, 'item')}`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be “${String(issue.values[0])}”`
        : `must be one of ${issue.values.map((v) => `“${String(v)}”`).join(', ')}`;
    case 'invalid_format':
      return 'is not written in the expected format';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
