// A diagonal hatch as a canvas pattern, for the part of a bar hidden by small-cell suppression: it must read as
// "not shown", not as one more answer in a light colour (the tile map and heat table hatch the same way in CSS).

const patterns = new Map<string, CanvasPattern | string>();

/** A hatch of `colour` on white; the plain colour where a canvas cannot be made (outside a browser). */
export function hatch(colour: string): CanvasPattern | string {
  const known = patterns.get(colour);
  if (known) return known;
  let pattern: CanvasPattern | string = colour;
  if (typeof document !== 'undefined') {
    const tile = document.createElement('canvas');
    tile.width = tile.height = 10;
    const ctx = tile.getContext('2d');
    if (ctx) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, 10, 10);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 3;
      ctx.beginPath();
      // Three strokes so the stripes join across tile edges.
      for (const offset of [-10, 0, 10]) {
        ctx.moveTo(offset, 10);
        ctx.lineTo(offset + 10, 0);
      }
      ctx.stroke();
      pattern = ctx.createPattern(tile, 'repeat') ?? colour;
    }
  }
  patterns.set(colour, pattern);
  return pattern;
}
