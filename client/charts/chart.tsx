// The one React wrapper around Chart.js: creates the chart once on mount, updates it in place when its data or
// labels change, and destroys it on unmount, so filters can change without leaking canvases or listeners.
import { useEffect, useRef } from 'react';
import type { BarConfig } from './question-config';
import { Chart } from './register';

interface Props {
  config: BarConfig;
  /** CSS pixels; the width follows the container. */
  height: number;
  /** What the chart says, for screen readers (a canvas has no text of its own). */
  label: string;
  /** Receives the Chart.js instance after creation (and null on destroy), e.g. for a PNG. */
  onChart?: (chart: Chart<'bar', (number | null)[], string | string[]> | null) => void;
}

export function BarChart({ config, height, label, onChart }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar', (number | null)[], string | string[]> | null>(null);
  // The newest config, read by the create effect: it runs once, and must not re-run (and rebuild) on each change.
  const latest = useRef(config);
  latest.current = config;
  const notify = useRef(onChart);
  notify.current = onChart;

  useEffect(() => {
    if (!canvas.current) return;
    const created = new Chart(canvas.current, latest.current);
    chart.current = created;
    notify.current?.(created);
    return () => {
      created.destroy();
      chart.current = null;
      notify.current?.(null);
    };
  }, []);

  useEffect(() => {
    const current = chart.current;
    if (!current || current.config.data === config.data) return;
    // Data and options are swapped as a whole: Chart.js keeps the canvas, its scales and its event listeners.
    current.data = config.data;
    current.options = config.options ?? {};
    current.update();
  }, [config]);

  return (
    <div className="chart-canvas" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
