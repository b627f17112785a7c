import type { RgbImage } from './png-encoder.ts';

export type Rgb = readonly [number, number, number];

/** A tiny RGB canvas: clipped pixels, rectangles and lines; just enough to draw a chart. */
export class Raster implements RgbImage {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  setPixel(x: number, y: number, [r, g, b]: Rgb): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    const at = (py * this.width + px) * 3;
    this.pixels[at] = r;
    this.pixels[at + 1] = g;
    this.pixels[at + 2] = b;
  }

  fillRect(x: number, y: number, width: number, height: number, colour: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + width));
    const y1 = Math.min(this.height, Math.round(y + height));
    for (let py = y0; py < y1; py++) for (let px = x0; px < x1; px++) this.setPixel(px, py, colour);
  }

  /** A straight line `thickness` pixels wide; `dash` > 0 leaves every other run of that length out. */
  line(from: [number, number], to: [number, number], colour: Rgb, thickness = 1, dash = 0): void {
    const [x0, y0] = from;
    const [x1, y1] = to;
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    const half = Math.floor(thickness / 2);
    for (let i = 0; i <= steps; i++) {
      if (dash > 0 && Math.floor(i / dash) % 2 === 1) continue;
      const x = x0 + ((x1 - x0) * i) / steps;
      const y = y0 + ((y1 - y0) * i) / steps;
      for (let dy = -half; dy < thickness - half; dy++)
        for (let dx = -half; dx < thickness - half; dx++) this.setPixel(x + dx, y + dy, colour);
    }
  }
}
