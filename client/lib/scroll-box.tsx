// A box for a table wider than its card (issue 13: the region heat table is 1,787 px in a 1,174 px card): when its
// content overflows, a line says so and how many columns are out of view, the edges that hide columns are shaded,
// and the box takes keyboard focus so arrow keys scroll it. A table that fits shows none of this.
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ruPlural } from './language-forms';
import type { Locale } from './locale';
import './scroll-box.css';

export const SCROLL_STRINGS: Record<
  Locale,
  {
    region: (label: string) => string;
    /** The region's name when the table has no caption. */
    table: string;
    hint: (hidden: number) => string;
    /** For content that is not a table (the tile map): no columns to count. */
    wide: string;
  }
> = {
  kk: {
    region: (label) => `${label} (көлденең жылжиды)`,
    hint: (hidden) => `Кесте картадан кең: тағы ${hidden} баған көрінбейді. Көлденең жылжытыңыз →`,
    wide: 'Экраннан кең: көлденең жылжытыңыз →',
    table: 'Кесте',
  },
  ru: {
    region: (label) => `${label} (прокручивается вбок)`,
    hint: (hidden) =>
      `Таблица шире карточки: ещё ${hidden} ${ruPlural(hidden, 'столбец не виден', 'столбца не видно', 'столбцов не видно')}. Прокрутите вбок →`,
    wide: 'Шире экрана: прокрутите вбок →',
    table: 'Таблица',
  },
  en: {
    region: (label) => `${label} (scrolls sideways)`,
    hint: (hidden) =>
      `The table is wider than its card: ${hidden} more ${hidden === 1 ? 'column is' : 'columns are'} out of view. Scroll sideways →`,
    wide: 'Wider than the screen: scroll sideways →',
    table: 'Table',
  },
};

interface View {
  /** Header cells (columns) wholly or partly out of view; 0 when the content fits, null when it is no table. */
  hidden: number | null;
  moreLeft: boolean;
  moreRight: boolean;
}

const FITS: View = { hidden: 0, moreLeft: false, moreRight: false };

/** What the box shows of its content: columns are counted by the first row's cells, the content's own grid. */
function measure(box: HTMLElement): View {
  if (box.scrollWidth <= box.clientWidth + 1) return FITS;
  const edge = box.getBoundingClientRect();
  // Sticky cells (the region's name) never leave the view; everything else is out when it crosses an edge.
  const row = box.querySelector('tr');
  const cells = [...(row?.children ?? [])].filter((cell) => getComputedStyle(cell).position !== 'sticky');
  const hidden = cells.filter((cell) => {
    const r = cell.getBoundingClientRect();
    return r.left < edge.left - 1 || r.right > edge.right + 1;
  }).length;
  return {
    hidden: row ? hidden : null,
    moreLeft: box.scrollLeft > 1,
    moreRight: box.scrollLeft + box.clientWidth < box.scrollWidth - 1,
  };
}

export function ScrollBox({
  locale,
  label,
  children,
}: {
  locale: Locale;
  /** What the box holds (a table's caption); "table" when it has none. */
  label?: string | undefined;
  children: ReactNode;
}) {
  const t = SCROLL_STRINGS[locale];
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>(FITS);
  const update = useCallback(() => {
    if (!box.current) return;
    const next = measure(box.current);
    setView((v) =>
      v.hidden === next.hidden && v.moreLeft === next.moreLeft && v.moreRight === next.moreRight ? v : next,
    );
  }, []);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    // No measuring here: a read now would force a layout of the page (or of each skipped dashboard card, one by one)
    // inside React's commit, 300-800 ms on the dashboard. The observer's first call comes after the browser's own
    // layout, before the first paint, and only for a box that is laid out at all (not in a closed <details> or an
    // off-screen card).
    const observer = new ResizeObserver(update);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [update]);

  const overflows = view.moreLeft || view.moreRight;
  const classes = ['scroll-box', view.moreLeft && 'more-left', view.moreRight && 'more-right'];
  return (
    <>
      {overflows && (
        <p className="scroll-hint" aria-hidden="true">
          {view.hidden === null ? t.wide : t.hint(view.hidden)}
        </p>
      )}
      <div className={classes.filter(Boolean).join(' ')}>
        <div
          ref={box}
          className="scroll-box-inner"
          onScroll={update}
          // Focusable only while it scrolls: arrow keys then move it; a table that fits is no extra Tab stop.
          tabIndex={overflows ? 0 : undefined}
          role={overflows ? 'region' : undefined}
          aria-label={overflows ? t.region(label || t.table) : undefined}
        >
          {children}
        </div>
      </div>
    </>
  );
}
