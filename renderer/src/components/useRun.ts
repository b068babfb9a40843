import { useToasts } from '@renderer/app/stores';
import { useState } from 'react';

/** A command run from a button or a small form: its refusal shown where it was asked, its success as a toast. */
export function useRun() {
  const [error, setError] = useState<string | null>(null);
  const toast = useToasts((s) => s.show);
  return {
    error,
    clear: () => setError(null),
    run: (work: Promise<unknown>, done: string, after?: () => void) => {
      setError(null);
      work.then(
        () => {
          toast({ tone: 'info', message: done });
          after?.();
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    },
  };
}
