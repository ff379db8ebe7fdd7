import { describe, expect, it } from 'vitest';
import { isPublished, unpublishedReason } from '../src/lib/content/publish.ts';

const now = new Date('2023-03-01T18:00:00Z');

describe('unpublishedReason', () => {
  it('is undefined for a past note that is not a draft', () => {
    expect(unpublishedReason({ draft: false, date: new Date('2023-02-27T06:00:00Z') }, now)).toBeUndefined();
  });

  it('is draft for a draft, even when its date has passed', () => {
    expect(unpublishedReason({ draft: true, date: new Date('2023-02-27T06:00:00Z') }, now)).toBe('draft');
  });

  it('is embargo for a note dated a minute in the future', () => {
    expect(unpublishedReason({ draft: false, date: new Date('2023-03-01T18:01:00Z') }, now)).toBe('embargo');
  });

  it('is draft for a future draft (draft wins over embargo)', () => {
    expect(unpublishedReason({ draft: true, date: new Date('2099-01-01T00:00:00Z') }, now)).toBe('draft');
  });

  it('treats a note dated exactly now as published', () => {
    expect(unpublishedReason({ draft: false, date: new Date(now) }, now)).toBeUndefined();
  });
});

describe('isPublished', () => {
  it('is true only for a past non-draft', () => {
    expect(isPublished({ draft: false, date: new Date('2023-02-27T06:00:00Z') }, now)).toBe(true);
    expect(isPublished({ draft: true, date: new Date('2023-02-27T06:00:00Z') }, now)).toBe(false);
    expect(isPublished({ draft: false, date: new Date('2023-03-02T00:00:00Z') }, now)).toBe(false);
  });
});
