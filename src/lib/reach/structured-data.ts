import { languageTag } from '../i18n/languages.ts';
import type { Lang } from '../content/types.ts';

/** A JSON-LD object. */
export type JsonLd = Record<string, unknown>;


export interface ArticleInput {
  lang: Lang;
  url: string;
  headline: string;
  description: string;
  published: string;
  modified: string;
  image: string;
  publisher: { name: string; url: string; logo: string };
  isPartOf: { name: string; url: string };
  location?: { name: string; region: string; country: string; coordinates?: [number, number] };
  people: string[];
  organizations: string[];
}

/**
 * The `NewsArticle` of a note page, for search engines and news aggregators.
 * @example newsArticle({ headline: 'Hola', ... })['@type'] // 'NewsArticle'
 */
export function newsArticle(input: ArticleInput): JsonLd {
  const organization = { '@type': 'GovernmentOrganization', name: input.publisher.name, url: input.publisher.url, logo: { '@type': 'ImageObject', url: input.publisher.logo } };
  const article: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    datePublished: input.published,
    dateModified: input.modified,
    inLanguage: languageTag(input.lang),
    image: [input.image],
    author: organization,
    publisher: organization,
    isPartOf: { '@type': 'WebSite', name: input.isPartOf.name, url: input.isPartOf.url },
    mentions: [
      ...input.people.map((name) => ({ '@type': 'Person', name })),
      ...input.organizations.map((name) => ({ '@type': 'Organization', name })),
    ],
  };
  if (input.location) {
    const { name, region, country, coordinates } = input.location;
    article.contentLocation = {
      '@type': 'Place',
      name,
      address: { '@type': 'PostalAddress', addressLocality: name, addressRegion: region, addressCountry: country },
      ...(coordinates ? { geo: { '@type': 'GeoCoordinates', latitude: coordinates[0], longitude: coordinates[1] } } : {}),
    };
  }
  return article;
}

/**
 * A `BreadcrumbList` from (name, absolute URL) pairs, home first.
 * @example breadcrumbs([['Inicio', 'https://a.mx/es/']]).itemListElement // [{ '@type': 'ListItem', position: 1, … }]
 */
export function breadcrumbs(trail: [name: string, url: string][]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map(([name, item], i) => ({ '@type': 'ListItem', position: i + 1, name, item })),
  };
}

/** `WebSite` and its publishing `Organization`, for the homes. */
export function website(input: { lang: Lang; name: string; description: string; url: string; searchUrl: string; publisher: { name: string; url: string; logo: string } }): JsonLd[] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: input.name,
      description: input.description,
      url: input.url,
      inLanguage: languageTag(input.lang),
      publisher: { '@type': 'GovernmentOrganization', name: input.publisher.name, url: input.publisher.url },
      potentialAction: { '@type': 'SearchAction', target: `${input.searchUrl}?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
    },
    { '@context': 'https://schema.org', '@type': 'GovernmentOrganization', name: input.publisher.name, url: input.publisher.url, logo: input.publisher.logo },
  ];
}

/**
 * Serializes JSON-LD for a `<script type="application/ld+json">`: `<`, `>`
 * and `&` become Unicode escapes, so no title can close the element.
 * @example serializeJsonLd({ headline: '</script>' }) // '{"headline":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
