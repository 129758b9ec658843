// The one React wrapper around Chart.js: creates the chart once it comes near the window, updates it in place when
// its data or labels change, and destroys it on unmount, so filters can change without leaking canvases or listeners.
import { useEffect, useRef } from 'react';
import type { BarConfig } from './question-config';
import { Chart } from './register';

/**
 * Charts waiting to be drawn, one per task: a screenful arriving together would otherwise be drawn in one long
 * task, and the page would not answer a click or a scroll until all were done.
 */
const waiting: (() => void)[] = [];
function drawSoon(draw: () => void): () => void {
  waiting.push(draw);
  if (waiting.length === 1) setTimeout(drawNext, 0);
  return () => {
    const at = waiting.indexOf(draw);
    if (at >= 0) waiting.splice(at, 1);
  };
}
function drawNext() {
  waiting.shift()?.();
  if (waiting.length > 0) setTimeout(drawNext, 0);
}

interface Props {
  config: BarConfig;
  /** CSS pixels; the width follows the container. */
  height: number;
  /** What the chart says, for screen readers (a canvas has no text of its own). */
  label: string;
  /** Receives the Chart.js instance after creation (and null on destroy), e.g. for a PNG. */
  onChart?: (chart: Chart<'bar', (number | null)[], string | string[]> | null) => void;
  /** false: not yet drawn when in view (its config is about to change); true when omitted. */
  ready?: boolean;
}

export function BarChart({ config, height, label, onChart, ready = true }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart<'bar', (number | null)[], string | string[]> | null>(null);
  // The newest config, read by the create effect: it runs once (when ready), and must not rebuild on each change.
  const latest = useRef(config);
  latest.current = config;
  const notify = useRef(onChart);
  notify.current = onChart;

  useEffect(() => {
    const element = holder.current;
    if (!ready || !element || !canvas.current) return;
    let created: Chart<'bar', (number | null)[], string | string[]> | null = null;
    let cancel = () => {};
    const draw = () => {
      if (created || !canvas.current) return;
      created = new Chart(canvas.current, latest.current);
      chart.current = created;
      // A marker for tests and bench/dashboard-draw.ts: the canvas holds its chart now.
      element.dataset.drawn = 'true';
      notify.current?.(created);
    };
    // Drawn when it comes within a screen of the window (issue 13): a dashboard of 29 charts drawn at once held the
    // page for seconds. The box keeps its height meanwhile, so nothing moves when a chart appears.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          cancel = drawSoon(draw);
        }
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    // Printing lays out every page at once: draw what is still waiting first.
    const beforePrint = () => {
      observer.disconnect();
      draw();
    };
    addEventListener('beforeprint', beforePrint);
    return () => {
      observer.disconnect();
      cancel();
      removeEventListener('beforeprint', beforePrint);
      created?.destroy();
      chart.current = null;
      if (created) notify.current?.(null);
    };
  }, [ready]);

  useEffect(() => {
    const current = chart.current;
    if (!current || current.config.data === config.data) return;
    // Data and options are swapped as a whole: Chart.js keeps the canvas, its scales and its event listeners.
    current.data = config.data;
    current.options = config.options ?? {};
    current.update();
  }, [config]);

  return (
    <div ref={holder} className="chart-canvas" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
