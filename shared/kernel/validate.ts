import type { z } from 'zod';
import type { FieldIssue, KeelError } from './errors';

/** Turns schema issues into field messages a person can read: "endDate: must be on or after the start date". */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `has unknown field(s): ${issue.keys.join(', ')}`;
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

/** "holidayCalendar" → "Holiday calendar"; nested paths keep their last part. */
export function labelOf(path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return capitalize(words);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
