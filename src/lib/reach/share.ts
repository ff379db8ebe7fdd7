import { t } from '../i18n/i18n.ts';
import type { Lang } from '../content/types.ts';

/** The networks of the share bar, in the order readers see them. */
export const NETWORKS = ['whatsapp', 'facebook', 'x', 'linkedin', 'bluesky', 'telegram', 'email'] as const;

export type Network = (typeof NETWORKS)[number];

/** A plain share link: works without JavaScript. */
export interface ShareLink {
  network: Network;
  href: string;
}

const e = encodeURIComponent;

// Each builder gets the canonical URL and the title; every value is encoded
// as a URI component, so any title decodes back exactly.
const BUILDERS: Record<Network, (url: string, title: string) => string> = {
  whatsapp: (url, title) => `https://wa.me/?text=${e(`${title} ${url}`)}`,
  facebook: (url) => `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`,
  x: (url, title) => `https://x.com/intent/post?text=${e(title)}&url=${e(url)}`,
  linkedin: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}`,
  bluesky: (url, title) => `https://bsky.app/intent/compose?text=${e(`${title} ${url}`)}`,
  telegram: (url, title) => `https://t.me/share/url?url=${e(url)}&text=${e(title)}`,
  email: (url, title) => `mailto:?subject=${e(title)}&body=${e(`${title}\n\n${url}`)}`,
};

/**
 * The share links of a page, one per network.
 * @example shareLinks('https://a.mx/es/notas/x/', 'Año & más')[0].href // 'https://wa.me/?text=A%C3%B1o%20%26%20m%C3%A1s%20https%3A%2F%2Fa.mx%2Fes%2Fnotas%2Fx%2F'
 */
export function shareLinks(url: string, title: string): ShareLink[] {
  return NETWORKS.map((network) => ({ network, href: BUILDERS[network](url, title) }));
}

/** The visible name of each network; e-mail is the only one that is translated (`share.email`). */
export function networkLabel(network: Network, lang: Lang): string {
  const labels: Record<Network, string> = {
    whatsapp: 'WhatsApp', facebook: 'Facebook', x: 'X', linkedin: 'LinkedIn',
    bluesky: 'Bluesky', telegram: 'Telegram', email: t(lang, 'share.email'),
  };
  return labels[network];
}
