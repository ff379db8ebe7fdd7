import { describe, expect, it } from 'vitest';
import { t } from '../src/lib/i18n/i18n.ts';
import { pageSeo, type SeoContext } from '../src/lib/reach/seo.ts';
import { samplePages, SITE, STOPS, TOPICS } from './helpers/sample-content.ts';

const ctx: SeoContext = {
  site: SITE,
  name: { es: 'Convoy', en: 'Convoy EN' },
  description: { es: 'Descripción', en: 'Description' },
  publisher: { name: { es: 'SRE', en: 'Foreign Ministry' }, url: 'https://sre.example' },
  defaultLanguage: 'es',
  languages: ['es', 'en'],
  timeZone: 'America/Mexico_City',
  topics: TOPICS,
  stops: STOPS,
  preview: false,
  label: t,
};
const find = (path: string) => samplePages().find((p) => p.path === path)!;
const tag = (seo: ReturnType<typeof pageSeo>, key: string) =>
  seo.head.filter((h) => h.attrs.property === key || h.attrs.name === key || h.attrs.rel === key).map((h) => h.attrs.content ?? h.attrs.href);

describe('pageSeo', () => {
  it('announces no alternates on a site of one language, not even the page itself', () => {
    const seo = pageSeo(find('/es/notas/both-es/'), { ...ctx, languages: ['es'] });
    expect(tag(seo, 'alternate')).toEqual([]);
    expect(tag(seo, 'og:locale:alternate')).toEqual([]);
    expect(tag(pageSeo(find('/es/notas/both-es/'), ctx), 'alternate')).toHaveLength(3);
  });

  it('gives a note its share image, article facts and structured data', () => {
    const seo = pageSeo(find('/en/news/both-en/'), ctx);
    expect(seo.title).toBe('Title 2023-02-27-both en | Convoy EN');
    expect(tag(seo, 'canonical')).toEqual(['https://a.mx/convoy/en/news/both-en/']);
    expect(tag(seo, 'og:image')).toEqual(['https://a.mx/convoy/og/en/both-en.png']);
    expect(tag(seo, 'og:locale:alternate')).toEqual(['es_MX']);
    expect(tag(seo, 'article:published_time')).toEqual(['2023-02-27T12:00:00-06:00']);
    expect(tag(seo, 'article:section')).toEqual(['Los Angeles']);
    expect(seo.jsonLd.map((d) => d['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
    expect(seo.jsonLd[0]).toMatchObject({ headline: 'Title 2023-02-27-both en', publisher: { name: 'Foreign Ministry' } });
  });

  it('gives other pages the site card, and homes the WebSite data', () => {
    const seo = pageSeo(find('/es/'), ctx);
    expect(seo.title).toBe('Convoy');
    expect(tag(seo, 'og:type')).toEqual(['website']);
    expect(tag(seo, 'og:image')).toEqual(['https://a.mx/convoy/og-default.png']);
    expect(seo.jsonLd.map((d) => d['@type'])).toEqual(['WebSite', 'GovernmentOrganization']);
    expect(pageSeo(find('/es/notas/'), ctx).jsonLd).toEqual([]);
  });

  it('keeps preview builds out of search engines', () => {
    expect(tag(pageSeo(find('/es/'), { ...ctx, preview: true }), 'robots')).toEqual(['noindex']);
    expect(tag(pageSeo(find('/es/'), ctx), 'robots')).toEqual([]);
  });
});

describe('pageSeo in a preview build', () => {
  it('gives an unpublished note the site card, since it has no share image', () => {
    const pages = samplePages();
    const note = pages.find((p) => p.kind === 'note' && p.lang === 'es')!;
    const seo = pageSeo({ ...note, unpublished: 'draft' } as typeof note, { ...ctx, preview: true });
    expect(tag(seo, 'og:image')).toEqual(['https://a.mx/convoy/og-default.png']);
  });
});
