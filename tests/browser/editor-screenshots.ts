/**
 * The screenshots of content/README.md's "web editor" section:
 * `npm exec -- node tests/browser/editor-screenshots.ts <build folder>` writes them to docs/editor/
 * (a build of the fixture site: its stops and topics).
 * The editor runs on Sveltia's in-browser test backend, as in editor.test.ts.
 */
import { chromium } from 'playwright-core';
import { CONFIG_ELEMENT_ID } from '../../src/lib/editor/editor-page.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { serve } from './serve.ts';

const site = await serve(process.argv[2] ?? 'dist');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const slow = { timeout: 120_000 };
await page.goto(`${site.url}admin/`);
await page.getByRole('button', { name: /Sign In with .*GitHub/ }).waitFor(slow);
await page.screenshot({ path: 'docs/editor/1-sign-in.png' });
const pattern = new RegExp(`(<script type="application/json" id="${CONFIG_ELEMENT_ID}"[^>]*>)(.*?)(</script>)`, 's');
await page.route(/\/admin\/$/, async (route) => {
  const response = await route.fetch();
  const html = (await response.text()).replace(pattern, (_, open: string, json: string, close: string) => `${open}${JSON.stringify({ ...JSON.parse(json), backend: { name: 'test-repo' } }).replace(/</g, '\\u003c')}${close}`);
  await route.fulfill({ response, body: html });
});
await page.goto(`${site.url}admin/`);
await page.getByRole('button', { name: /Test Repository/ }).click(slow);
await page.getByRole('button', { name: 'Create New Entry' }).first().click(slow);
const spanish = page.getByRole('group', { name: /Edit .*Spanish.* Content/ });
await spanish.getByRole('textbox', { name: 'Título / Title' }).fill('Alcaldes visitan el puerto de Yokohama', slow);
await spanish.getByRole('textbox', { name: 'Resumen / Summary' }).fill('La delegación conoce la logística del puerto.');
await page.screenshot({ path: 'docs/editor/2-new-note-spanish.png' });
await page.getByRole('radio', { name: /English/ }).first().click();
await page.getByRole('button', { name: /Enable .*English/ }).click(slow);
const english = page.getByRole('group', { name: /Edit .*English.* Content/ });
await english.getByRole('textbox', { name: 'Título / Title' }).fill('Mayors visit the port of Yokohama', slow);
await page.screenshot({ path: 'docs/editor/3-translation-english.png' });
// Publishing: untick Draft in each language, then Save.
const draft = english.getByRole('switch', { name: 'Borrador / Draft' });
await draft.scrollIntoViewIfNeeded(slow);
await draft.click();
await page.screenshot({ path: 'docs/editor/4-publish.png' });
await browser.close();
await site.close();
