/** The records of the monitoring area the audit log files changes under, with their human labels. Readings are filed under their import. */
export const monitoringEntities = {
  monitoring_slo: 'SLO',
  reading_import: 'Readings import',
  monitoring_mapping: 'Prometheus label mapping',
} as const;
