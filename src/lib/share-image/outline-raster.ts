/**
 * Anti-aliased coverage of a glyph outline, computed exactly rather than by
 * supersampling: every edge adds the signed area it covers to the pixels it
 * crosses, and a running sum along each row turns those into coverage. Pure
 * arithmetic, so the same outline gives the same bytes on any thread or
 * machine (which the share-image cache relies on).
 */

/** Drawing commands of an outline, as opentype.js's `Path.commands` gives them (y grows downwards). */
export type OutlineCommand =
  | { type: 'M' | 'L'; x: number; y: number }
  | { type: 'Q'; x1: number; y1: number; x: number; y: number }
  | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { type: 'Z' };

/** Coverage, 0 (none) to 255 (full), of `width` x `height` pixels whose top-left is at (`left`, `top`). */
export interface Coverage {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

type Segment = [x0: number, y0: number, x1: number, y1: number];

/** Largest distance, in px, allowed between a curve and the straight pieces that stand for it. */
const TOLERANCE = 0.05;

/** The outline as straight segments, curves cut into enough pieces to stay within TOLERANCE. */
export function flatten(commands: readonly OutlineCommand[]): Segment[] {
  const segments: Segment[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const lineTo = (nx: number, ny: number) => {
    if (nx !== x || ny !== y) segments.push([x, y, nx, ny]);
    x = nx;
    y = ny;
  };
  // A curve of n pieces strays from them by at most (its second difference) / (8 n²).
  const pieces = (bend: number) => Math.min(64, Math.max(1, Math.ceil(Math.sqrt(bend / (8 * TOLERANCE)))));
  for (const command of commands) {
    if (command.type === 'M') {
      lineTo(startX, startY); // an unclosed contour closes itself, as in a fill
      x = startX = command.x;
      y = startY = command.y;
    } else if (command.type === 'L') {
      lineTo(command.x, command.y);
    } else if (command.type === 'Q') {
      const [x0, y0, { x1, y1, x: x2, y: y2 }] = [x, y, command];
      const n = pieces(Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2));
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        lineTo(u * u * x0 + 2 * u * t * x1 + t * t * x2, u * u * y0 + 2 * u * t * y1 + t * t * y2);
      }
    } else if (command.type === 'C') {
      const [x0, y0, { x1, y1, x2, y2, x: x3, y: y3 }] = [x, y, command];
      const n = pieces(1.5 * Math.max(Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2), Math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3)));
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
        lineTo(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3);
      }
    } else {
      lineTo(startX, startY);
    }
  }
  lineTo(startX, startY);
  return segments;
}

/** Coverage of the outline (nonzero fill), or undefined when it has no area (a space). */
export function rasterizeOutline(commands: readonly OutlineCommand[]): Coverage | undefined {
  const segments = flatten(commands);
  if (!segments.length) return undefined;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x0, y0, x1, y1] of segments) {
    minX = Math.min(minX, x0, x1);
    maxX = Math.max(maxX, x0, x1);
    minY = Math.min(minY, y0, y1);
    maxY = Math.max(maxY, y0, y1);
  }
  if (!(maxX > minX && maxY > minY)) return undefined;
  const left = Math.floor(minX);
  const top = Math.floor(minY);
  // One column more than the outline spans: an edge hands the rest of its area to the pixel on its right.
  const width = Math.ceil(maxX) - left + 1;
  const height = Math.ceil(maxY) - top;
  const area = new Float64Array(width * height + 1);
  for (const [x0, y0, x1, y1] of segments) addEdge(area, width, height, x0 - left, y0 - top, x1 - left, y1 - top);
  const alpha = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    let sum = 0;
    for (let col = 0; col < width; col++) {
      sum += area[row * width + col]!;
      alpha[row * width + col] = Math.round(Math.min(1, Math.abs(sum)) * 255);
    }
  }
  return { left, top, width, height, alpha };
}

/**
 * Adds what one edge contributes to each pixel row it crosses: the signed
 * height of the edge in that row, split between the pixels it passes over in
 * proportion to the area left of the edge.
 */
function addEdge(area: Float64Array, width: number, height: number, ax: number, ay: number, bx: number, by: number): void {
  if (ay === by) return; // horizontal: encloses nothing
  const dir = ay < by ? 1 : -1;
  const [x0, y0, x1, y1] = dir === 1 ? [ax, ay, bx, by] : [bx, by, ax, ay];
  const dxdy = (x1 - x0) / (y1 - y0);
  const add = (i: number, value: number) => {
    area[i] = area[i]! + value;
  };
  let x = x0;
  for (let row = Math.max(0, Math.floor(y0)); row < Math.min(height, Math.ceil(y1)); row++) {
    const dy = Math.min(row + 1, y1) - Math.max(row, y0);
    const next = x + dxdy * dy;
    const d = dy * dir;
    const [from, to] = x < next ? [x, next] : [next, x];
    const at = row * width;
    const first = Math.floor(from);
    const last = Math.ceil(to);
    if (last <= first + 1) {
      // Within one pixel column: split by where the edge crosses it on average.
      const mid = (x + next) / 2 - first;
      add(at + first, d * (1 - mid));
      add(at + first + 1, d * mid);
    } else {
      // Across several columns: a ramp, the area growing linearly from `from` to `to`.
      const slope = 1 / (to - from);
      const fromFrac = from - first;
      const startArea = 0.5 * slope * (1 - fromFrac) ** 2;
      const toFrac = to - last + 1;
      const endArea = 0.5 * slope * toFrac ** 2;
      add(at + first, d * startArea);
      if (last === first + 2) {
        add(at + first + 1, d * (1 - startArea - endArea));
      } else {
        const second = slope * (1.5 - fromFrac);
        add(at + first + 1, d * (second - startArea));
        for (let col = first + 2; col < last - 1; col++) add(at + col, d * slope);
        const beforeLast = second + (last - first - 3) * slope;
        add(at + last - 1, d * (1 - beforeLast - endArea));
      }
      add(at + last, d * endArea);
    }
    x = next;
  }
}
