import { v7 } from 'uuid';

/**
 * Record ids are UUIDv7: globally unique, time-ordered (so ORDER BY id is
 * creation order), and safe to mint offline on several desktops. The uuid
 * package keeps them monotonic within one millisecond.
 */
export function newId(): string {
  return v7();
}
