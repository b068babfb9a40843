/** The records of the clients area the audit log files changes under, with their human labels. */
export const clientsEntities = { client: 'Client', engagement: 'Engagement', specialist: 'Specialist' } as const;
