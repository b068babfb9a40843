/** What the app itself audits: settings of any area, and loading a dataset. */
export const appEntities = { settings: 'Settings', dataset: 'Dataset' } as const;
