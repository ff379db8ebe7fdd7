import { describe, expect, it } from 'vitest';
import { feedChannelData, feedItems } from '../src/lib/reach/feed.ts';
import { samplePages, SITE, TOPICS } from './helpers/sample-content.ts';

describe('feedItems', () => {
  it('lists only the notes written in the language, newest first, with absolute links', () => {
    const items = feedItems(samplePages(), 'es', TOPICS, SITE);
    expect(items.map((i) => i.link)).toEqual(['https://a.mx/convoy/es/notas/solo-es/', 'https://a.mx/convoy/es/notas/both-es/']);
    expect(items[0]).toMatchObject({ title: 'Title 2023-02-28-solo es', description: 'Summary es', categories: ['Cine'] });
    expect(items[0]!.customData).toBe('<media:content url="https://a.mx/convoy/og/es/solo-es.png" medium="image" type="image/png" width="1200" height="630"/>');
  });

  it('caps the number of items', () => {
    expect(feedItems(samplePages(), 'en', TOPICS, SITE, 1).map((i) => i.title)).toEqual(['Title 2023-03-01-only en']);
  });
});

describe('feedChannelData', () => {
  it('names the language and the feed itself', () => {
    expect(feedChannelData('en', SITE)).toBe('<language>en</language><atom:link href="https://a.mx/convoy/en/rss.xml" rel="self" type="application/rss+xml"/>');
  });
});
