/**
 * `npm run new`: scaffolds a note bundle for a stop, in every language of
 * the site by default (`index.<code>.md`), with files that pass `npm run check` as they are (marked
 * `draft: true` until staff finish them).
 *
 *   npm run new                                  asks, in a terminal
 *   npm run new -- --stop los-angeles --title "…" --date 2023-03-01 --lang es,en
 *   npm run new -- --list                        valid stops and topics
 *
 * Messages follow the terminal's locale: English when LANG starts with "en".
 * `--title` is the first language's title; `--title-<code>` (e.g. `--title-en`)
 * gives another language its own.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { buildEnv } from '../lib/build/build-env.ts';
import { cliMessage } from '../lib/check/cli-messages.ts';
import { messageLanguage } from '../lib/check/content-messages.ts';
import { loadContent } from '../lib/content/content.ts';
import { askMissing, listChoices, planNote, type NoteRequest, type ScaffoldContext } from '../lib/content/scaffold.ts';
import { settings } from '../settings.ts';

const { values } = parseArgs({
  options: {
    stop: { type: 'string' },
    title: { type: 'string' },
    // --title-en, --title-fr…: one per language of the site after the first.
    ...Object.fromEntries(settings.languages.slice(1).map((code) => [`title-${code}`, { type: 'string' as const }])),
    date: { type: 'string' },
    lang: { type: 'string' },
    topics: { type: 'string' },
    slug: { type: 'string' },
    list: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

const lang = messageLanguage(undefined, process.env);
const root = process.cwd();
const env = buildEnv(settings, process.env);
const notesDir = resolve(root, env.contentDir, 'notes');
const content = loadContent({ root, contentDir: env.contentDir, timeZone: settings.timeZone, lang });
const ctx: ScaffoldContext = {
  stops: content.stops,
  topics: content.topics,
  notes: content.notes,
  folders: existsSync(notesDir) ? readdirSync(notesDir) : [],
  notesDir: relative(root, notesDir),
  timeZone: settings.timeZone,
  now: env.now,
  lang,
  languages: settings.languages,
};

const titleFlags = settings.languages.slice(1).map((code) => `--title-${code}, `).join('');
if (values.help) finish(cliMessage(lang, 'newUsage', { langs: settings.languages.join(','), titleFlags }));
if (values.list) finish(listChoices(ctx));

let request: NoteRequest = {
  stop: values.stop,
  title: values.title,
  titles: Object.fromEntries(settings.languages.slice(1).map((code) => [code, (values as Record<string, string | boolean | undefined>)[`title-${code}`] as string | undefined])),
  date: values.date,
  langs: values.lang,
  topics: values.topics,
  slug: values.slug,
};
// Ask only when the essentials are missing: flags typed in full mean "no questions".
if (!request.stop || !request.title) {
  if (stdin.isTTY && stdout.isTTY) request = await prompt(request);
  else fail([cliMessage(lang, 'newMissing', { flags: [!request.stop && '--stop', !request.title && '--title'].filter(Boolean).join(', ') })]);
}

const plan = planNote(request, ctx);
if ('errors' in plan) fail([...plan.errors, '', cliMessage(lang, 'newListHint')]);
const folder = join(notesDir, plan.folder);
mkdirSync(folder, { recursive: true });
for (const [name, text] of Object.entries(plan.files)) writeFileSync(join(folder, name), text, { flag: 'wx' });
const shown = relative(root, folder);
finish(
  [
    cliMessage(lang, 'newCreated', { folder: shown }),
    ...Object.keys(plan.files).map((name) => `  ${shown}/${name}`),
    '',
    cliMessage(lang, 'newNext', { files: Object.keys(plan.files).join(', ') }),
  ].join('\n'),
);

async function prompt(partial: NoteRequest): Promise<NoteRequest> {
  const rl = createInterface({ input: stdin, output: stdout });
  try {
    return await askMissing(partial, ctx, { ask: (q) => rl.question(q), say: (text) => console.log(text) });
  } finally {
    rl.close();
  }
}

function finish(text: string): never {
  console.log(text);
  process.exit(0);
}

function fail(lines: string[]): never {
  console.error(lines.join('\n'));
  process.exit(1);
}
