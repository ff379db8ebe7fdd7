import { describe, expect, it } from 'vitest';
import { checkLink, type LinkTargets } from '../src/lib/check/link-check.ts';

const targets = (base = '/'): LinkTargets => ({
  url: 'https://prensa.example.mx',
  base,
  published: new Set(['/', '/es/', '/es/notas/', '/es/notas/llegada/', '/es/notas/reunion/', '/en/news/arrival/', '/es/rss.xml']),
  unpublished: new Map([
    ['/es/notas/borrador/', { file: 'content/notes/2023-03-02-borrador/index.es.md', reason: 'draft' as const, date: '2 de marzo de 2023' }],
    ['/es/notas/futura/', { file: 'content/notes/2099-01-01-futura/index.es.md', reason: 'embargo' as const, date: '1 de enero de 2099' }],
  ]),
});
const FROM = '/es/notas/llegada/';

describe('checkLink', () => {
  it('accepts links to published pages: absolute, relative, with the site URL, with an anchor', () => {
    for (const href of ['/es/notas/reunion/', '../reunion/', '/es/rss.xml', 'https://prensa.example.mx/es/', '/en/news/arrival/#top', '#video', '?x=1', '/es/notas/reunion']) {
      expect(checkLink(href, FROM, targets()), href).toBeUndefined();
    }
  });

  it('accepts links under the base path when the site has one', () => {
    expect(checkLink('/convoy/es/notas/reunion/', FROM, targets('/convoy/'))).toBeUndefined();
    expect(checkLink('../reunion/', FROM, targets('/convoy/'))).toBeUndefined();
    expect(checkLink('https://prensa.example.mx/convoy/es/', FROM, targets('/convoy/'))).toBeUndefined();
  });

  it('refuses a link to a page that does not exist, offering the nearest one', () => {
    expect(checkLink('/es/notas/reunon/', FROM, targets())).toEqual({ code: 'linkMissing', params: { value: '/es/notas/reunon/', nearest: '/es/notas/reunion/' } });
    expect(checkLink('../no-existe/', FROM, targets('/convoy/'))).toMatchObject({ code: 'linkMissing', params: { value: '../no-existe/' } });
    expect(checkLink('https://prensa.example.mx/es/notas/reunon/', FROM, targets())).toMatchObject({ code: 'linkMissing' });
  });

  it('refuses a link to a draft or an embargoed note, naming its file', () => {
    expect(checkLink('../borrador/', FROM, targets())).toEqual({
      code: 'linkDraft',
      params: { value: '../borrador/', file: 'content/notes/2023-03-02-borrador/index.es.md', date: '2 de marzo de 2023', nearest: '/es/notas/llegada/' },
    });
    expect(checkLink('/es/notas/futura/', FROM, targets())).toMatchObject({ code: 'linkEmbargo', params: { file: 'content/notes/2099-01-01-futura/index.es.md', date: '1 de enero de 2099' } });
  });

  it('refuses a root link without the base path of a site served under one, with the fixed link', () => {
    expect(checkLink('/es/notas/reunion/', FROM, targets('/convoy/'))).toEqual({ code: 'linkNoBase', params: { value: '/es/notas/reunion/', base: '/convoy/', nearest: '/convoy/es/notas/reunion/' } });
  });

  it('lets external links through unfetched, but only http, https, mailto and tel', () => {
    for (const href of ['https://www.gob.mx/sre', 'http://example.com/x', 'mailto:prensa@sre.gob.mx', 'tel:+525536865100', '//cdn.example.com/a']) {
      expect(checkLink(href, FROM, targets()), href).toBeUndefined();
    }
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://example.com/']) {
      expect(checkLink(href, FROM, targets()), href).toEqual({ code: 'linkScheme', params: { value: href } });
    }
  });
});
