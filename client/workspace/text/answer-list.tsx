// One page of free-text answers: each verbatim (a React text node, never HTML, line breaks kept), with the
// region's name, the day in Kazakhstan and the language it was written in; search matches are marked.
import type { TextBody } from '../../../server/http/contract/aggregates';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../lib/locale';
import { regionName, type RegionName } from '../../lib/workspace-regions';
import { dayText, kzDay } from '../coverage/format';
import { splitMatches } from './text-questions';
import { TEXT_STRINGS } from './strings';

interface Props {
  locale: Locale;
  regions: readonly RegionName[];
  body: TextBody;
}

const languageName = (code: string) =>
  (LOCALES as readonly string[]).includes(code) ? LOCALE_NAMES[code as Locale] : code;

export function AnswerList({ locale, regions, body }: Props) {
  const t = TEXT_STRINGS[locale];
  const start = (body.page - 1) * body.pageSize + 1;
  return (
    <ol className="text-answers" start={start}>
      {body.answers.map((answer) => (
        <li key={answer.id}>
          <p className="answer-text" lang={answer.locale}>
            {body.q
              ? splitMatches(answer.text, body.q).map((part, i) =>
                  part.match ? <mark key={i}>{part.text}</mark> : part.text,
                )
              : answer.text}
          </p>
          <p className="answer-meta">
            <span>{regionName(regions, answer.region, locale)}</span>
            <span>{dayText(kzDay(answer.submittedAt), locale)}</span>
            <span title={t.language}>{languageName(answer.locale)}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
