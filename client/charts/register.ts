// Registers the few Chart.js pieces the charts use, once, and sets readable defaults. Importing this module (via
// chart.tsx) is the only way chart code enters a bundle: the pieces are tree-shaken, the rest of Chart.js is not.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  SubTitle,
  Title,
  Tooltip,
} from 'chart.js';
import { valueLabels, whiteBackground } from './plugins';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
  Title,
  SubTitle,
  valueLabels,
  whiteBackground,
);

// The workspace's own type, large enough to read on a projector at the back of a hall.
Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1c1b20';
// Charts change with the filters; motion would only delay the numbers (and make screenshots flaky).
Chart.defaults.animation = false;

export { Chart };
