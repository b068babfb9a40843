/** The records of the ceremonies area the audit log files changes under, with their human labels. */
export const ceremoniesEntities = {
  ceremony_series: 'Ceremony series',
  ceremony_occurrence: 'Ceremony occurrence',
  ceremony_action: 'Action item',
  ceremony_freeze: 'Change freeze',
} as const;
