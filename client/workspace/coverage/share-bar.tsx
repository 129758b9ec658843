// A horizontal share bar (0–100 %) drawn with CSS, for the coverage page and the brief: no canvas, so it prints
// crisply. Decorative: the number always stands beside it as text.
interface Props {
  /** 0–100; null draws an empty track (a hidden figure). */
  percent: number | null;
  /** The figure is a lower bound: part of it was hidden by small-cell suppression. */
  atLeast?: boolean;
}

export function ShareBar({ percent, atLeast = false }: Props) {
  const width = percent === null ? 0 : Math.max(0, Math.min(100, percent));
  return (
    <span className="bar" aria-hidden="true">
      <span className={atLeast ? 'at-least' : undefined} style={{ width: `${width}%` }} />
    </span>
  );
}
