import type { Stop } from './types.ts';

/** Where a stop stands on the itinerary. */
export type StopStatus = 'completed' | 'underway' | 'planned';

/**
 * A stop's status on a given calendar day (`YYYY-MM-DD` in the site time zone):
 * planned without dates or before `start`, under way from `start` to `end`, then completed.
 * @example stopStatus({ start: '2023-02-27', end: '2023-03-03' }, '2026-11-24') // 'completed'
 */
export function stopStatus(stop: Pick<Stop, 'start' | 'end'>, today: string): StopStatus {
  if (!stop.start || today < stop.start) return 'planned';
  if (stop.end && today > stop.end) return 'completed';
  return 'underway';
}
