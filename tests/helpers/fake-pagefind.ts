/**
 * A stand-in for Pagefind's `pagefind.js`, for tests/search-service.test.ts:
 * the browser API the search service calls, over the notes the test puts in
 * `globalThis.fakePagefind`. A word matches a note that has it, as written;
 * each call waits `delay` ms, as Pagefind's work on a large site takes time
 * (with `delay` 0, it answers at once, as Pagefind does once every part of
 * the index it needs is loaded).
 */
export interface FakePagefind {
  notes: Array<{ id: string; text: string }>;
  delay: number;
  /** The terms searched, in order (`null` for every note). */
  calls: Array<string | null>;
}

const fake = () => (globalThis as unknown as { fakePagefind: FakePagefind }).fakePagefind;

export async function options(): Promise<void> {}
export async function init(): Promise<void> {}
export async function mergeIndex(): Promise<void> {}
export async function filters(): Promise<Record<string, Record<string, number>>> {
  return { topic: { Cine: fake().notes.length } };
}

export async function search(term: string | null): Promise<{ results: unknown[] }> {
  fake().calls.push(term);
  if (fake().delay > 0) await new Promise((resolve) => setTimeout(resolve, fake().delay));
  const words = term?.replaceAll('"', '').toLowerCase().split(' ') ?? [];
  const found = fake().notes.filter((note) => words.every((word) => note.text.split(' ').includes(word)));
  return {
    results: found.map((note) => ({
      id: note.id,
      score: 1,
      words: words.map((word) => note.text.split(' ').indexOf(word)),
      data: async () => ({ url: `/${note.id}/`, content: note.text, meta: { title: note.id } }),
    })),
  };
}
