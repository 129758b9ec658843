// The words of the export page's analysis downloads (download-links.tsx): workbooks per region and the syntax
// files for SPSS/PSPP, Stata and R, in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';

export interface AnalysisStrings {
  heading: string;
  xlsxZip: string;
  sps: string;
  spssCsv: string;
  stata: string;
  r: string;
  about: string;
}

export const ANALYSIS_STRINGS: Record<Locale, AnalysisStrings> = {
  kk: {
    heading: 'Талдауға арналған файлдар',
    xlsxZip: 'Өңірлер бойынша Excel (ZIP)',
    sps: 'SPSS / PSPP синтаксисі (.sps)',
    spssCsv: 'SPSS-ке арналған CSV',
    stata: 'Stata синтаксисі (.do)',
    r: 'R скрипті (.R)',
    about:
      'Синтаксис файлы сол сүзгілермен жүктелген CSV-ді оқиды: айнымалы мен мән белгілері — таңдалған тілде (кодтар болмаса, интерфейс тілінде). SPSS жол үзілімдерін оқи алмайды, сондықтан оған мәтіндегі жол үзілімдері бос орынмен алмастырылған CSV керек. Файлдарды бір қалтада сақтаңыз.',
  },
  ru: {
    heading: 'Файлы для анализа',
    xlsxZip: 'Excel по регионам (ZIP)',
    sps: 'Синтаксис SPSS / PSPP (.sps)',
    spssCsv: 'CSV для SPSS',
    stata: 'Синтаксис Stata (.do)',
    r: 'Скрипт R (.R)',
    about:
      'Файл синтаксиса читает CSV, скачанный с теми же фильтрами: метки переменных и значений — на выбранном языке (при кодах — на языке интерфейса). SPSS не читает переносы строк внутри ячеек, поэтому ему нужен CSV, где переносы в текстах заменены пробелами. Держите файлы в одной папке.',
  },
  en: {
    heading: 'Files for analysis',
    xlsxZip: 'Excel per region (ZIP)',
    sps: 'SPSS / PSPP syntax (.sps)',
    spssCsv: 'CSV for SPSS',
    stata: 'Stata syntax (.do)',
    r: 'R script (.R)',
    about:
      "A syntax file reads the CSV downloaded with the same filters: variable and value labels in the chosen language (with codes, in the page's language). SPSS cannot read line breaks inside cells, so it needs the CSV with line breaks in texts written as spaces. Keep the files in one folder.",
  },
};
