/**
 * The search service (src/scripts/search-service.ts), as the search worker
 * runs it, over a stand-in for pagefind.js (tests/helpers/fake-pagefind.ts):
 * what it replies to the page, and that a newer search stops the one under
 * way. The search page itself is tested in Chromium (tests/browser/search.test.ts).
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { SearchReply, SearchRequest } from '../src/scripts/search-messages.ts';
import { searchService } from '../src/scripts/search-service.ts';
import type { FakePagefind } from './helpers/fake-pagefind.ts';

const bundle = new URL('./helpers/fake-pagefind.ts', import.meta.url).href;
const question = (query: string) => ({ query, filters: {}, sort: 'relevance' as const, exact: false });

let fake: FakePagefind;
let replies: SearchReply[];
let handle: (request: SearchRequest) => Promise<void>;

beforeEach(async () => {
  fake = { notes: [{ id: 'a', text: 'netflix en los angeles' }, { id: 'b', text: 'cine en texas' }, { id: 'c', text: 'netflix y el cine' }], delay: 0, calls: [] };
  vi.stubGlobal('fakePagefind', fake);
  vi.stubGlobal('location', { href: 'http://127.0.0.1/es/buscar/' });
  vi.stubGlobal('fetch', async (url: string) => (url.endsWith('shards.json') ? new Response('{"es":1}') : new Response('', { status: 404 })));
  replies = [];
  handle = searchService((reply) => replies.push(reply));
  await handle({ type: 'start', options: { bundle, baseUrl: '/', shards: '/pagefind/shards.json', vocabulary: '/pagefind/vocabulary/', scores: '/pagefind/scores/', lang: 'es' } });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test('starts, gives the filters, and answers with the count and the fragments of the notes asked for only', async () => {
  expect(replies).toEqual([{ type: 'started' }, { type: 'filters', filters: { topic: { Cine: 3 } } }]);
  replies.length = 0;
  await handle({ type: 'search', run: 1, question: question('netflix ') });
  expect(replies).toEqual([{ type: 'answer', run: 1, count: 2, suggestions: [] }]);
  // Of the two notes, a (the newest: Pagefind's date order is the notes' order) comes first; from the second on, c only.
  await handle({ type: 'notes', run: 1, from: 1, count: 10 });
  expect(replies[1]).toEqual({ type: 'notes', run: 1, notes: [{ fragment: { url: '/c/', content: 'netflix y el cine', meta: { title: 'c' } }, locations: [0] }] });
});

test('ranks by the build’s score file, whose lines name each note by its place newest first', async () => {
  // The notes' date order is a, b, c: places 0, 1, 2. Netflix: a scores 1, c 5.
  const files: Record<string, string> = { '/pagefind/vocabulary/es/n.txt': 'netflix\t2\tnetflix\n', '/pagefind/scores/es/_netflix.txt': '0 100\n2 500\n' };
  vi.stubGlobal('fetch', async (url: string) => (url.endsWith('shards.json') ? new Response('{"es":1}') : url in files ? new Response(files[url]) : new Response('', { status: 404 })));
  fake.calls.length = 0;
  replies.length = 0;
  await handle({ type: 'search', run: 1, question: question('netflix ') });
  await handle({ type: 'notes', run: 1, from: 0, count: 10 });
  expect(replies.at(-1)).toMatchObject({ type: 'notes', notes: [{ fragment: { url: '/c/' } }, { fragment: { url: '/a/' } }] });
  // Only the exact search of the word and the date order: no ordinary search for scores.
  expect(fake.calls.filter((term) => term !== null && !term.startsWith('"'))).toEqual([]);
});

test('says there is nothing to search yet for an empty box', async () => {
  await handle({ type: 'search', run: 1, question: question('') });
  expect(replies.at(-1)).toEqual({ type: 'answer', run: 1, count: undefined, suggestions: [] });
});

test('stops the search under way when a newer one comes', async () => {
  fake.delay = 20;
  replies.length = 0;
  await Promise.all([handle({ type: 'search', run: 1, question: question('cine ') }), handle({ type: 'search', run: 2, question: question('netflix cine ') })]);
  expect(replies).toEqual([
    { type: 'stopped', run: 1 },
    { type: 'answer', run: 2, count: 3, suggestions: [] },
  ]);
});

test('reads a newer search queued as a message while one runs, even when Pagefind answers at once', async () => {
  // As in the worker: requests arrive as messages, one task each.
  const { port1, port2 } = new MessageChannel();
  const handled: Array<Promise<void>> = [];
  port2.onmessage = (event: MessageEvent<SearchRequest>) => handled.push(handle(event.data));
  replies.length = 0;
  port1.postMessage({ type: 'search', run: 1, question: question('cine ') });
  port1.postMessage({ type: 'search', run: 2, question: question('netflix cine ') });
  await vi.waitFor(() => expect(replies).toHaveLength(2));
  await Promise.all(handled);
  port1.close();
  expect(replies).toEqual([
    { type: 'stopped', run: 1 },
    { type: 'answer', run: 2, count: 3, suggestions: [] },
  ]);
});

test('gives no fragments of an answer a newer search has replaced', async () => {
  await handle({ type: 'search', run: 1, question: question('cine ') });
  await handle({ type: 'search', run: 2, question: question('netflix ') });
  replies.length = 0;
  await handle({ type: 'notes', run: 1, from: 0, count: 10 });
  expect(replies).toEqual([{ type: 'notes', run: 1, notes: [] }]);
});

test('reports a start that fails, with no run, for the page to say search could not load', async () => {
  const failing = searchService((reply) => replies.push(reply));
  replies.length = 0;
  await failing({ type: 'start', options: { bundle: new URL('./helpers/no-such-pagefind.ts', import.meta.url).href, baseUrl: '/', shards: '/pagefind/shards.json', vocabulary: '/pagefind/vocabulary/', scores: '/pagefind/scores/', lang: 'es' } });
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatchObject({ type: 'failed' });
  expect(replies[0]).not.toHaveProperty('run');
});
