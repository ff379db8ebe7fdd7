import { describe, expect, it } from 'vitest';
import { searchCost, TYPING_PAUSE, typingPause } from '../src/lib/search/search-typing.ts';

describe('searchCost', () => {
  it('is what the last search that ran to its end took', () => {
    expect(searchCost(TYPING_PAUSE, { took: 25, asked: true, finished: true })).toBe(25);
    expect(searchCost(25, { took: 600, asked: true, finished: true })).toBe(600);
  });

  it('is not lowered by an emptied box, which asks nothing of the index', () => {
    // The box is cleared before a new query: before, its instant "search" made the
    // next query start a search at every key on a large site, each holding the worker.
    expect(searchCost(600, { took: 1, asked: false, finished: true })).toBe(600);
    expect(searchCost(TYPING_PAUSE, { took: 1, asked: false, finished: true })).toBe(TYPING_PAUSE);
  });

  it('counts a search stopped midway as at least as long as it ran', () => {
    expect(searchCost(40, { took: 300, asked: true, finished: false })).toBe(300);
    expect(searchCost(400, { took: 30, asked: true, finished: false })).toBe(400);
  });
});

describe('typingPause', () => {
  it('waits as long as a search takes, up to TYPING_PAUSE', () => {
    expect(typingPause(12)).toBe(12);
    expect(typingPause(2000)).toBe(TYPING_PAUSE);
    expect(TYPING_PAUSE).toBe(150);
  });
});
