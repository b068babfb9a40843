/** The records of the billing area the audit log files changes under, with their human labels. */
export const billingEntities = {
  time_entry: 'Time entry',
  rate: 'Rate',
  billing_terms: 'Billing terms',
  month_close: 'Month close',
  invoice: 'Invoice',
} as const;
