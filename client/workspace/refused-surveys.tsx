// For admins: the survey files the server left out at start-up, each with its reasons. The server keeps serving
// the other surveys, so without this notice a refused file would go unnoticed until respondents missed a survey.
import { useEffect, useState } from 'react';
import type { RefusedSurveyFile } from '../../server/http/contract/responses';
import type { Locale } from '../lib/locale';
import { getJson } from '../lib/workspace-api';

const STRINGS: Record<Locale, { title: string; intro: string; version: (n: number) => string }> = {
  kk: {
    title: 'Сервер кейбір сауалнама файлдарын қабылдамады',
    intro:
      'Бұл файлдар тексеруден өтпеді, сондықтан респонденттерге көрсетілмейді. Қалған сауалнамалар жұмыс істейді. Файлды түзетіп, серверді қайта іске қосыңыз.',
    version: (n) => `${n}-нұсқа`,
  },
  ru: {
    title: 'Сервер не принял некоторые файлы анкет',
    intro:
      'Эти файлы не прошли проверку и не показываются респондентам. Остальные анкеты работают. Исправьте файл и перезапустите сервер.',
    version: (n) => `версия ${n}`,
  },
  en: {
    title: 'The server refused some survey files',
    intro:
      'These files failed the checks and are not shown to respondents. The other surveys work. Fix the file and restart the server.',
    version: (n) => `version ${n}`,
  },
};

export function RefusedSurveys({ locale }: { locale: Locale }) {
  const [refused, setRefused] = useState<RefusedSurveyFile[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    // A failed read shows nothing: the notice is extra information, never in the way of the section below.
    getJson<RefusedSurveyFile[]>('/api/catalog/refused', abort.signal).then(setRefused, () => undefined);
    return () => abort.abort();
  }, []);
  if (refused.length === 0) return null;
  const t = STRINGS[locale];
  return (
    <section className="notice bad refused-surveys" role="alert" aria-labelledby="refused-surveys-title">
      <h2 id="refused-surveys-title">{t.title}</h2>
      <p>{t.intro}</p>
      <ul>
        {refused.map((r) => (
          <li key={r.file}>
            <code>{r.file}</code>
            {r.version !== null && ` (${r.surveyId}, ${t.version(r.version)})`}
            <ul>
              {r.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
