import { describe, expect, it } from 'vitest';
import { paginate } from '../src/lib/pages/pagination.ts';

describe('paginate', () => {
  it('splits a list into pages of the given size, the last one shorter', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([
      { items: [1, 2], page: 1, pages: 3 },
      { items: [3, 4], page: 2, pages: 3 },
      { items: [5], page: 3, pages: 3 },
    ]);
  });

  it('makes no empty trailing page when the list fills the pages exactly', () => {
    expect(paginate([1, 2, 3, 4], 2).map((p) => p.items)).toEqual([[1, 2], [3, 4]]);
  });

  it('keeps a short list on one page', () => {
    expect(paginate(['a', 'b'], 10)).toEqual([{ items: ['a', 'b'], page: 1, pages: 1 }]);
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], 10)).toEqual([{ items: [], page: 1, pages: 1 }]);
  });

  it('keeps the order of the items', () => {
    expect(paginate(['c', 'a', 'b'], 2).flatMap((p) => p.items)).toEqual(['c', 'a', 'b']);
  });
});
