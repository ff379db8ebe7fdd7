import { describe, expect, it } from 'vitest';
import { flatten, rasterizeOutline, type OutlineCommand } from '../src/lib/share-image/outline-raster.ts';

/** A closed polygon through the points, as outline commands. */
const polygon = (...points: [number, number][]): OutlineCommand[] => [
  { type: 'M', x: points[0]![0], y: points[0]![1] },
  ...points.slice(1).map(([x, y]) => ({ type: 'L' as const, x, y })),
  { type: 'Z' },
];
const rows = (c: NonNullable<ReturnType<typeof rasterizeOutline>>) =>
  Array.from({ length: c.height }, (_, row) => Array.from(c.alpha.subarray(row * c.width, (row + 1) * c.width)));
const total = (c: NonNullable<ReturnType<typeof rasterizeOutline>>) => c.alpha.reduce((sum, a) => sum + a, 0) / 255;

describe('rasterizeOutline', () => {
  it('fills a pixel-aligned square exactly, and nothing around it', () => {
    const square = rasterizeOutline(polygon([1, 1], [3, 1], [3, 3], [1, 3]))!;
    expect(square).toMatchObject({ left: 1, top: 1, width: 3, height: 2 });
    expect(rows(square)).toEqual([
      [255, 255, 0],
      [255, 255, 0],
    ]);
  });

  it('shares a square half a pixel off the grid between the pixels it covers', () => {
    const square = rasterizeOutline(polygon([0.5, 0.5], [2.5, 0.5], [2.5, 2.5], [0.5, 2.5]))!;
    expect(rows(square)).toEqual([
      [64, 128, 64, 0],
      [128, 255, 128, 0],
      [64, 128, 64, 0],
    ]);
  });

  it('draws the same whichever way the outline turns', () => {
    const clockwise = rasterizeOutline(polygon([0, 0], [5, 1], [2, 4]))!;
    const counter = rasterizeOutline(polygon([0, 0], [2, 4], [5, 1]))!;
    expect(counter).toEqual(clockwise);
  });

  it('covers the area of a slanted triangle, with partial pixels along its edges', () => {
    const triangle = rasterizeOutline(polygon([0.3, 0.2], [7.7, 1.1], [2.2, 6.9]))!;
    const area = Math.abs((7.7 - 0.3) * (6.9 - 0.2) - (2.2 - 0.3) * (1.1 - 0.2)) / 2;
    expect(total(triangle)).toBeCloseTo(area, 1);
    expect(triangle.alpha.some((a) => a > 0 && a < 255)).toBe(true);
  });

  it('flattens curves closely: a circle of quadratic arcs covers πr²', () => {
    // Eight quadratic arcs through the points of a circle of radius 10 around (12, 12).
    const r = 10;
    const c = 12;
    const at = (k: number, radius = r) => [c + radius * Math.cos((k * Math.PI) / 4), c + radius * Math.sin((k * Math.PI) / 4)] as const;
    const control = r / Math.cos(Math.PI / 8);
    const commands: OutlineCommand[] = [{ type: 'M', x: at(0)[0], y: at(0)[1] }];
    for (let k = 0; k < 8; k++) {
      const [x1, y1] = at(k + 0.5, control);
      const [x, y] = at(k + 1);
      commands.push({ type: 'Q', x1, y1, x, y });
    }
    commands.push({ type: 'Z' });
    // A quadratic arc bulges slightly past the circle: within 1% of its area.
    expect(total(rasterizeOutline(commands)!) / (Math.PI * r * r)).toBeCloseTo(1, 1);
    expect(flatten(commands).length).toBeGreaterThan(16);
  });

  it('gives the same coverage for the same outline anywhere on the grid', () => {
    const shape = (dx: number, dy: number) => rasterizeOutline(polygon([0.3 + dx, 0.2 + dy], [7.7 + dx, 1.1 + dy], [2.2 + dx, 6.9 + dy]))!;
    const here = shape(0, 0);
    const there = shape(1000, 37);
    expect({ ...there, left: there.left - 1000, top: there.top - 37 }).toEqual(here);
  });

  it('has nothing to draw for an outline without area', () => {
    expect(rasterizeOutline([])).toBeUndefined();
    expect(rasterizeOutline(polygon([0, 0], [4, 0]))).toBeUndefined();
  });

  it('closes an unclosed contour, as a fill does', () => {
    const open = rasterizeOutline([{ type: 'M', x: 1, y: 1 }, { type: 'L', x: 3, y: 1 }, { type: 'L', x: 3, y: 3 }, { type: 'L', x: 1, y: 3 }])!;
    expect(open).toEqual(rasterizeOutline(polygon([1, 1], [3, 1], [3, 3], [1, 3])));
  });
});
