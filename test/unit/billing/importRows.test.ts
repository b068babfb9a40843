import { cellVerdict, conflictSentence, spokenDay } from '@shared/billing/rules/importRows';
import { describe, expect, it } from 'vitest';

const cell = {
  specialistName: 'Ana Ionescu',
  engagementName: 'Claims model operations',
  clientName: 'Helvetic Insurance AG',
  activityLabel: 'Retraining',
  date: '2026-10-05',
};

describe('an imported row against the hours already in its cell', () => {
  it('is new on an empty cell, a duplicate with the same hours, a conflict with others', () => {
    expect(cellVerdict(120, 0)).toBe('new');
    expect(cellVerdict(450, 450)).toBe('duplicate');
    expect(cellVerdict(120, 450)).toBe('conflict');
    expect(cellVerdict(480, 450)).toBe('conflict');
  });

  it('says a day the way the screens do, in every year', () => {
    expect(spokenDay('2026-10-05')).toBe('Mon 5 Oct 2026');
    expect(spokenDay('2028-02-29')).toBe('Tue 29 Feb 2028');
    expect(spokenDay('2031-12-31')).toBe('Wed 31 Dec 2031');
  });

  it('names both values in a sentence, and the other cell when the file moves an existing entry', () => {
    expect(conflictSentence(cell, 120, 450)).toBe(
      'The file has 2:00 for Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 5 Oct 2026, but Keel already has 7:30 there. The import leaves Keel’s hours as they are; if the file is right, change them in the timesheet.',
    );
    expect(conflictSentence({ ...cell, date: '2026-10-06' }, 450, 450, cell)).toBe(
      'The file has 7:30 for Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Tue 6 Oct 2026, but that entry is 7:30 for Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 5 Oct 2026 in Keel. The import leaves Keel’s hours as they are; if the file is right, change them in the timesheet.',
    );
  });
});
