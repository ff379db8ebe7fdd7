/** One page of a paginated listing. */
export interface PageSlice<T> {
  items: T[];
  page: number;
  pages: number;
}

/**
 * Splits a list into pages of `size`; an empty list still has one (empty) page.
 * @example paginate([1, 2, 3], 2).map((p) => p.items) // [[1, 2], [3]]
 */
export function paginate<T>(items: readonly T[], size: number): PageSlice<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({ items: items.slice(i * size, (i + 1) * size), page: i + 1, pages }));
}
