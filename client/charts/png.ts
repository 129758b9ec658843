// A chart as a PNG for slides and reports: drawn again off screen at a fixed, wide size with the question's title,
// its n and the filter written into the image (a PNG travels without the page around it), white background.
import { Chart } from './register';
import { chartHeight, questionConfig, type ConfigOptions } from './question-config';
import type { ChartModel } from './question-model';
import { wrapLabel } from './wrap';

const WIDTH = 1200;

/** A PNG data URL of the model's chart; `title` and `subtitle` are wrapped to the image's width. */
export function chartPng(
  model: ChartModel,
  options: Omit<ConfigOptions, 'wrap' | 'title' | 'subtitle'>,
  title: string,
  subtitle: string[],
): string {
  const wrap = 40;
  const titleLines = wrapLabel(title, 90);
  const subtitleLines = subtitle.flatMap((line) => wrapLabel(line, 120));
  const height =
    chartHeight(model, { ...options, wrap }) + titleLines.length * 26 + subtitleLines.length * 20 + 40;
  const config = questionConfig(model, { ...options, wrap, title: titleLines, subtitle: subtitleLines });
  // Off screen but in the document: Chart.js measures fonts and sizes through the live DOM.
  const holder = document.createElement('div');
  holder.style.cssText = `position:fixed;left:-${WIDTH * 2}px;top:0;width:${WIDTH}px;height:${height}px;`;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = height;
  holder.append(canvas);
  document.body.append(holder);
  const chart = new Chart(canvas, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      // Twice the pixels: sharp on a projector and when a slide is enlarged.
      devicePixelRatio: 2,
      layout: {
        padding: {
          left: 16,
          right: model.layout === 'bars' ? 120 : 24,
          top: model.layout === 'columns' ? 40 : 16,
          bottom: 12,
        },
      },
    },
  });
  try {
    return chart.toBase64Image('image/png', 1);
  } finally {
    chart.destroy();
    holder.remove();
  }
}
