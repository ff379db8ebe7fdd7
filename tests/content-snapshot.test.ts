import { describe, expect, it } from 'vitest';
import type { Content } from '../src/lib/content/content.ts';
import { fromSnapshot, toSnapshot } from '../src/lib/content/content-snapshot.ts';
import { STOPS, TOPICS, version } from './helpers/sample-content.ts';

describe('content snapshots', () => {
  it('give back the same content, dates included', () => {
    const content: Content = {
      notes: [{ folder: '2023-02-27-x', versions: { es: version('2023-02-27-x', 'es', { updated: new Date('2023-03-01T10:00:00Z') }), en: version('2023-02-27-x', 'en') } }],
      stops: STOPS,
      topics: TOPICS,
      problems: [{ file: 'a.md', line: 2, field: 'title', message: 'm', severity: 'warning' }],
    };
    const back = fromSnapshot(toSnapshot(content));
    expect(back).toEqual(content);
    expect(back.notes[0]!.versions.es!.date).toBeInstanceOf(Date);
    expect(back.notes[0]!.versions.es!.updated).toBeInstanceOf(Date);
    expect(back.notes[0]!.versions.en!.updated).toBeUndefined();
  });
});
