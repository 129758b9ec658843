// The words of the export page's file options (file-options.tsx) in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';
import type { Separator } from './export-query';

export interface FileOptionStrings {
  separator: string;
  separators: Record<Separator, string>;
  separatorNote: string;
  quality: string;
  excludeFlagged: string;
  qualityNote: string;
  /** The workbook download's link. */
  xlsx: string;
}

export const FILE_OPTION_STRINGS: Record<Locale, FileOptionStrings> = {
  kk: {
    separator: 'CSV бөлгіші',
    separators: {
      comma: 'Үтір (R, Python, SPSS)',
      semicolon: 'Нүктелі үтір (орыс не қазақ тіліндегі Excel)',
    },
    separatorNote:
      'Нүктелі үтірмен бөлінген файлда бөлшек сандар үтірмен жазылады (3,5): орыс не қазақ тілі баптаулары бар Excel оны екі рет басқанда дұрыс ашады.',
    xlsx: 'Excel (XLSX) жүктеп алу',
    quality: 'Жауаптар сапасы',
    excludeFlagged: 'Белгіленген жауаптарды шығарып тастау',
    qualityNote:
      'Белгілер: тым жылдам толтырылған (нұсқа медианасының үштен бірінен аз), матрицада бәрі бірдей жауап, бір брифингтен бірнеше минут ішінде қайталанған бірдей жауаптар. Файлда әр белгі өз бағанында (flag_…).',
  },
  ru: {
    separator: 'Разделитель CSV',
    separators: {
      comma: 'Запятая (R, Python, SPSS)',
      semicolon: 'Точка с запятой (Excel на русском или казахском)',
    },
    separatorNote:
      'В файле с точкой с запятой дробные числа пишутся через запятую (3,5): Excel с русскими или казахскими настройками открывает его двойным щелчком.',
    xlsx: 'Скачать Excel (XLSX)',
    quality: 'Качество ответов',
    excludeFlagged: 'Исключить отмеченные ответы',
    qualityNote:
      'Отметки: заполнено слишком быстро (меньше трети медианы версии), одинаковые ответы во всех строках матрицы, одни и те же ответы с одного брифинга в течение нескольких минут. В файле каждая отметка в своём столбце (flag_…).',
  },
  en: {
    separator: 'CSV separator',
    separators: { comma: 'Comma (R, Python, SPSS)', semicolon: 'Semicolon (Excel set to Russian or Kazakh)' },
    separatorNote:
      'The semicolon file writes decimals with a comma (3,5): Excel with Russian or Kazakh settings opens it with a double-click.',
    xlsx: 'Download Excel (XLSX)',
    quality: 'Response quality',
    excludeFlagged: 'Leave out flagged responses',
    qualityNote:
      "Flags: very fast (under a third of the version's median time), the same answer in every row of a matrix, the same answers from one briefing within minutes. Each flag has its own column in the file (flag_…).",
  },
};
