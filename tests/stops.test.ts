import { describe, expect, it } from 'vitest';
import { stopStatus } from '../src/lib/content/stops.ts';

describe('stopStatus', () => {
  const visit = { start: '2023-02-27', end: '2023-03-03' };

  it('is planned for a stop without dates', () => {
    expect(stopStatus({}, '2023-03-01')).toBe('planned');
  });

  it('is planned the day before the start', () => {
    expect(stopStatus(visit, '2023-02-26')).toBe('planned');
  });

  it('is under way on the first day', () => {
    expect(stopStatus(visit, '2023-02-27')).toBe('underway');
  });

  it('is under way between start and end', () => {
    expect(stopStatus(visit, '2023-03-01')).toBe('underway');
  });

  it('is still under way on the last day', () => {
    expect(stopStatus(visit, '2023-03-03')).toBe('underway');
  });

  it('is completed the day after the end', () => {
    expect(stopStatus(visit, '2023-03-04')).toBe('completed');
  });

  it('compares whole dates across months and years, not just the day number', () => {
    expect(stopStatus(visit, '2024-01-01')).toBe('completed');
    expect(stopStatus(visit, '2022-12-31')).toBe('planned');
  });
});
