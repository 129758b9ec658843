// Kazakhstan's 20 regions as tiles on a 7 × 5 grid in rough geographic places (north at the top, the Caspian on
// the left), with names short enough for a tile in each language. Drawn by the page: no map tiles from anywhere.
import type { Locale } from '../../lib/locale';

export interface Tile {
  code: string;
  /** 0-based, west to east. */
  column: number;
  /** 0-based, north to south. */
  row: number;
  short: Record<Locale, string>;
}

export const GRID = { columns: 7, rows: 5 } as const;

// Places follow the regional centres' longitude and latitude, nudged so neighbours stay neighbours: Astana inside
// Akmola's row, Shymkent under Turkistan, Almaty city under Almaty region, Jetisu between Abai and Almaty region.
export const TILES: readonly Tile[] = [
  {
    code: 'KZ-59',
    column: 3,
    row: 0,
    short: { kk: 'Солтүстік Қазақстан', ru: 'СКО', en: 'North Kazakhstan' },
  },
  { code: 'KZ-55', column: 5, row: 0, short: { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' } },
  { code: 'KZ-27', column: 0, row: 1, short: { kk: 'Батыс Қазақстан', ru: 'ЗКО', en: 'West Kazakhstan' } },
  { code: 'KZ-15', column: 1, row: 1, short: { kk: 'Ақтөбе', ru: 'Актобе', en: 'Aktobe' } },
  { code: 'KZ-39', column: 2, row: 1, short: { kk: 'Қостанай', ru: 'Костанай', en: 'Kostanay' } },
  { code: 'KZ-11', column: 3, row: 1, short: { kk: 'Ақмола', ru: 'Акмола', en: 'Akmola' } },
  { code: 'KZ-71', column: 4, row: 1, short: { kk: 'Астана', ru: 'Астана', en: 'Astana' } },
  { code: 'KZ-10', column: 5, row: 1, short: { kk: 'Абай', ru: 'Абай', en: 'Abai' } },
  { code: 'KZ-63', column: 6, row: 1, short: { kk: 'Шығыс Қазақстан', ru: 'ВКО', en: 'East Kazakhstan' } },
  { code: 'KZ-23', column: 0, row: 2, short: { kk: 'Атырау', ru: 'Атырау', en: 'Atyrau' } },
  { code: 'KZ-62', column: 3, row: 2, short: { kk: 'Ұлытау', ru: 'Ұлытау', en: 'Ulytau' } },
  { code: 'KZ-35', column: 4, row: 2, short: { kk: 'Қарағанды', ru: 'Караганда', en: 'Karaganda' } },
  { code: 'KZ-33', column: 5, row: 2, short: { kk: 'Жетісу', ru: 'Жетісу', en: 'Jetisu' } },
  { code: 'KZ-47', column: 0, row: 3, short: { kk: 'Маңғыстау', ru: 'Мангистау', en: 'Mangystau' } },
  { code: 'KZ-43', column: 2, row: 3, short: { kk: 'Қызылорда', ru: 'Кызылорда', en: 'Kyzylorda' } },
  { code: 'KZ-61', column: 3, row: 3, short: { kk: 'Түркістан', ru: 'Туркестан', en: 'Turkistan' } },
  { code: 'KZ-31', column: 4, row: 3, short: { kk: 'Жамбыл', ru: 'Жамбыл', en: 'Jambyl' } },
  {
    code: 'KZ-19',
    column: 5,
    row: 3,
    short: { kk: 'Алматы облысы', ru: 'Алматинская', en: 'Almaty Region' },
  },
  { code: 'KZ-79', column: 3, row: 4, short: { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' } },
  { code: 'KZ-75', column: 5, row: 4, short: { kk: 'Алматы қаласы', ru: 'г. Алматы', en: 'Almaty city' } },
];
