/**
 * THE clock of the backend: the only place that reads the wall clock. Every
 * "now" and "today" comes from the Context, which is given a Clock; tests and
 * the bench pin it, and CI reruns the suites with the system clock a year ahead.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
