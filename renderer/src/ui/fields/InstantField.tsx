import { useNow } from '@renderer/app/clock';
import { day } from '@renderer/components/dates';
import { useState } from 'react';
import { DateField } from './DateField';
import { TimeField } from './TextField';

/** An instant as records of operations write it: "3 Jul 2026, 14:30 UTC". */
export const utcInstant = (iso: string) => `${day(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;

/** The instant a UTC date and time name, as the contract takes it. */
export const instantOf = (date: string, time: string) => `${date}T${time || '00:00'}:00.000Z`;

/** A date and a time in UTC: the instants deployments and incidents are recorded in. */
export function InstantField({
  id,
  label,
  date,
  time,
  onDate,
  onTime,
  error,
}: {
  id: string;
  label: string;
  date: string;
  time: string;
  onDate(v: string): void;
  onTime(v: string): void;
  error?: string | undefined;
}) {
  return (
    <>
      <DateField id={`${id}-date`} label={`${label} (date)`} value={date} error={error} onChange={onDate} />
      <TimeField id={`${id}-time`} label={`${label} (time, UTC)`} value={time} error={undefined} onChange={onTime} />
    </>
  );
}

/** An instant being chosen, starting now (to the minute). */
export function useInstant() {
  const now = useNow().toISOString();
  const [date, setDate] = useState(now.slice(0, 10));
  const [time, setTime] = useState(now.slice(11, 16));
  return { date, time, setDate, setTime, instant: instantOf(date, time) };
}
