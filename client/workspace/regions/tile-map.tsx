// The tile map: each of the 20 regions a square in its rough place, coloured by the chosen answer's share on a
// sequential colour-blind-safe scale, with its short name and share written on it; no data is grey, "< k" hatched.
import { isShown } from '../../charts/question-model';
import { inkOn, type ShareScale } from '../../charts/palette';
import { CHART_STRINGS, percentText } from '../../charts/strings';
import type { Locale } from '../../lib/locale';
import { ScrollBox } from '../../lib/scroll-box';
import type { RegionRow } from './comparison';
import { REGIONS_STRINGS } from './strings';
import { GRID, TILES } from './tile-layout';

interface Props {
  locale: Locale;
  rows: readonly RegionRow[];
  chosen: number;
  scale: ShareScale;
  k: number;
  /** What the colours show ("Share “Stable funding”"), the legend's caption. */
  caption: string;
}

export function TileMap({ locale, rows, chosen, scale, k, caption }: Props) {
  const t = REGIONS_STRINGS[locale];
  const c = CHART_STRINGS[locale];
  const byCode = new Map(rows.map((r) => [r.code, r]));

  return (
    <figure className="tile-map">
      {/* On a phone the map keeps readable tiles and scrolls sideways rather than shrinking them to dots. */}
      <ScrollBox locale={locale} label={caption}>
        <div
          className="tiles"
          style={{ gridTemplateColumns: `repeat(${GRID.columns}, 1fr)` }}
          role="list"
          aria-label={caption}
        >
          {TILES.map((tile) => {
            const row = byCode.get(tile.code);
            const cell = row && !row.empty ? row.cells[chosen] : undefined;
            const shown = isShown(cell);
            const background = shown ? scale.colourOf(cell.percent ?? 0) : undefined;
            const value = shown ? percentText(locale, cell.percent ?? 0) : cell ? c.fewer(k) : t.noData;
            const n = row && isShown(row.n) ? `n = ${c.number(row.n.count)}` : '';
            return (
              <div
                key={tile.code}
                role="listitem"
                className={`tile${shown ? '' : cell ? ' suppressed' : ' no-data'}`}
                data-region={tile.code}
                style={{
                  gridColumn: tile.column + 1,
                  gridRow: tile.row + 1,
                  ...(background && { background, color: inkOn(background) }),
                }}
                title={`${row?.name ?? tile.short[locale]}: ${value}${n ? ` (${n})` : ''}`}
              >
                <span className="tile-name">{tile.short[locale]}</span>
                <span className="tile-value">{value}</span>
                {n && <span className="tile-n">{n}</span>}
              </div>
            );
          })}
        </div>
      </ScrollBox>
      <figcaption>
        <span className="legend-caption">{caption}</span>
        <span className="legend">
          {scale.classes.map((cls) => (
            <span key={cls.colour} className="legend-step">
              <span className="swatch" style={{ background: cls.colour }} />
              {c.decimal(cls.from)}–{percentText(locale, cls.to)}
            </span>
          ))}
          <span className="legend-step">
            <span className="swatch suppressed" />
            {c.fewer(k)}
          </span>
          <span className="legend-step">
            <span className="swatch no-data" />
            {t.noData}
          </span>
        </span>
        <span className="hint">{t.mapNote}</span>
      </figcaption>
    </figure>
  );
}
