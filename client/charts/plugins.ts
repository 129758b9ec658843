// Two small Chart.js plugins: a white background (a PNG of a transparent canvas turns black in some viewers and
// slides), and value labels drawn beside or inside the bars, so numbers are visible without hovering.
import type { Chart, ChartType, Plugin } from 'chart.js';

export interface ValueLabelOptions {
  /** Per dataset, per data index: the text (lines), or null for none. */
  texts?: (string[] | null)[][];
  /** Text colour per dataset, per data index (inside stacked bars); otherwise the ink colour. */
  colours?: string[][];
  /** Draw inside the bars (stacked 100% bars); else past the bar's end. */
  inside?: boolean;
  /** Font size in CSS pixels (14 unless given). */
  size?: number;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- merging needs Chart.js's own parameter, used or not.
  interface PluginOptionsByType<TType extends ChartType> {
    valueLabels?: ValueLabelOptions;
    whiteBackground?: { colour?: string };
  }
}

export const whiteBackground: Plugin<'bar'> = {
  id: 'whiteBackground',
  beforeDraw(chart, _args, options: { colour?: string }) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.colour ?? '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

const INK = '#1c1b20';

export const valueLabels: Plugin<'bar'> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart: Chart<'bar'>, _args, options: ValueLabelOptions) {
    const texts = options.texts;
    if (!texts) return;
    const horizontal = chart.options.indexAxis === 'y';
    const valueScale = horizontal ? chart.scales.x : chart.scales.y;
    const zero = valueScale?.getPixelForValue(0) ?? 0;
    const { ctx } = chart;
    ctx.save();
    const size = options.size ?? 14;
    const lineHeight = size + 3;
    ctx.font = `${options.inside ? 600 : 500} ${size}px ${chart.options.font?.family ?? 'sans-serif'}`;
    chart.data.datasets.forEach((_dataset, d) => {
      if (!chart.isDatasetVisible(d)) return;
      chart.getDatasetMeta(d).data.forEach((element, i) => {
        const lines = texts[d]?.[i];
        if (!lines || lines.length === 0) return;
        const p = element.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        // A suppressed cell has no value, so no bar end: its "< k" sits at the axis.
        const x = Number.isFinite(p.x) ? p.x : zero;
        const y = Number.isFinite(p.y) ? p.y : zero;
        const base = Number.isFinite(p.base) ? p.base : zero;
        const wide = Math.max(...lines.map((l) => ctx.measureText(l).width));
        ctx.fillStyle = options.colours?.[d]?.[i] ?? INK;
        if (options.inside) {
          // Only where the segment has room: the tooltip and the CSV carry the rest.
          if (Math.abs(x - base) < wide + 8) return;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(lines[0]!, (x + base) / 2, y);
        } else if (horizontal) {
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          lines.forEach((line, k) =>
            ctx.fillText(line, Math.max(x, base) + 6, y + (k - (lines.length - 1) / 2) * lineHeight),
          );
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          const top = Math.min(y, base) - 4;
          lines.forEach((line, k) => ctx.fillText(line, x, top - (lines.length - 1 - k) * lineHeight));
        }
      });
    });
    ctx.restore();
  },
};
