// Colours for charts, heat tables and the tile map, all safe for the common colour-vision deficiencies:
// Okabe–Ito for single series, ColorBrewer PuOr for ordered scales (Likert), ColorBrewer YlGnBu for shares.

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with protan, deutan and tritan vision. */
export const OKABE_ITO = {
  blue: '#0072B2',
  sky: '#56B4E9',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/**
 * Answers outside a scale or a list (none, don't know, other): a dark grey, so the eye goes to the real answers
 * and it is never mistaken for the light neutral middle of a scale.
 */
export const OFF_SCALE_GREY = '#6E6E6E';
/** A part hidden by small-cell suppression: hatched light grey (chart-hatch.ts), reading as "unknown". */
export const HIDDEN_GREY = '#B0B0B0';

/**
 * Matrix columns that are not a point on the scale. The server does not flag them (matrices have no `special`),
 * and the survey authors name them this way (the demo generator keeps the same list: server/cli/demo/questions.ts).
 */
const OFF_SCALE_CODES = new Set([
  'dont_know',
  'no_cooperation',
  'not_applicable',
  'refused',
  'none',
  'other',
]);

export function isOffScale(code: string | number | boolean): boolean {
  return OFF_SCALE_CODES.has(String(code));
}

// ColorBrewer PuOr (diverging, colour-blind safe) by scale length, orange (first) to purple (last). The middle of
// the odd ones is a light grey instead of Brewer's near-white, which would vanish on the white page and the PNG.
const NEUTRAL = '#E3E3E3';
const PU_OR: Record<number, readonly string[]> = {
  2: ['#E66101', '#5E3C99'],
  3: ['#E66101', NEUTRAL, '#5E3C99'],
  4: ['#E66101', '#FDB863', '#B2ABD2', '#5E3C99'],
  5: ['#E66101', '#FDB863', NEUTRAL, '#B2ABD2', '#5E3C99'],
  6: ['#B35806', '#F1A340', '#FEE0B6', '#D8DAEB', '#998EC3', '#542788'],
  7: ['#B35806', '#F1A340', '#FEE0B6', NEUTRAL, '#D8DAEB', '#998EC3', '#542788'],
};

/** Colours of an ordered scale of `n` points (a Likert row), first to last; long scales reuse the 7-point one. */
export function scaleColours(n: number): string[] {
  if (n <= 1) return [OKABE_ITO.blue];
  const exact = PU_OR[n];
  if (exact) return [...exact];
  const seven = PU_OR[7]!;
  return Array.from({ length: n }, (_, i) => seven[Math.round((i * 6) / (n - 1))]!);
}

/** ColorBrewer YlGnBu, 5 classes: light (low share) to dark (high share). */
export const SHARE_CLASSES = ['#FFFFCC', '#A1DAB4', '#41B6C4', '#2C7FB8', '#253494'] as const;

export interface ShareScale {
  /** Upper bound of the scale in percent (a round number at or above the largest share). */
  max: number;
  /** [from, to) in percent, and the colour, per class. */
  classes: { from: number; to: number; colour: string }[];
  colourOf(percent: number): string;
}

/**
 * A sequential scale over 0…max, max rounded up to a multiple of 5 (10 above 50) so that the legend reads as
 * plain steps; the classes stretch over what the data reach, so 20 regions at 30–45% are still told apart.
 */
export function shareScale(largest: number): ShareScale {
  const step = largest > 50 ? 10 : 5;
  const max = Math.min(100, Math.max(step, Math.ceil(largest / step) * step));
  const width = max / SHARE_CLASSES.length;
  const classes = SHARE_CLASSES.map((colour, i) => ({
    from: round1(i * width),
    to: round1((i + 1) * width),
    colour,
  }));
  return {
    max,
    classes,
    colourOf(percent) {
      const i = Math.min(SHARE_CLASSES.length - 1, Math.max(0, Math.floor(percent / width)));
      return SHARE_CLASSES[i]!;
    },
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Black or white text, whichever contrasts more with `background` (#RRGGBB), by WCAG relative luminance. */
export function inkOn(background: string): '#000000' | '#FFFFFF' {
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!m) return '#000000';
  const l = 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
  // Contrast with white is 1.05/(l+0.05), with black (l+0.05)/0.05; they are equal at l ≈ 0.179.
  return l > 0.179 ? '#000000' : '#FFFFFF';
}
