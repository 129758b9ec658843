// The coding screen: the filtered answers one after another, tagged by keyboard (1–9 by the physical key, so the
// Kazakh layout's letters on the digit row do not get in the way; type-ahead; A accepts suggestions), a passage by
// selecting text, Enter to save and move on, Backspace to undo the last save. Clicks do the same for a mouse.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../lib/locale';
import { regionName, type RegionName } from '../../lib/workspace-regions';
import { HttpError } from '../../lib/api';
import {
  chooseQuote,
  clearCodes,
  putCodes,
  type AnswerCodesReply,
  type CodeBody,
  type CodingQueueBody,
  type PassageBody,
  type QueuedAnswer,
} from './coding-api';
import { CODING_STRINGS } from './strings';

interface Props {
  survey: string;
  /** Authors and admins choose quotes for the brief (pass 1 only). */
  canQuote: boolean;
  locale: Locale;
  regions: readonly RegionName[];
  question: string;
  codes: readonly CodeBody[];
  queue: CodingQueueBody;
}

interface Saved {
  index: number;
  response: string;
  previous: AnswerCodesReply['previous'];
}

const languageName = (code: string) =>
  (LOCALES as readonly string[]).includes(code) ? LOCALE_NAMES[code as Locale] : code;
/** The other working language's label, shown small beside the reader's: Kazakh and Russian side by side. */
const otherLocale = (locale: Locale): Locale => (locale === 'ru' ? 'kk' : 'ru');

/** The selection inside the answer's text node as UTF-16 offsets, or null. */
function selectedPassage(element: HTMLElement | null): PassageBody | null {
  const selection = window.getSelection();
  const text = element?.firstChild;
  if (!selection || selection.rangeCount === 0 || !text || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (range.startContainer !== text || range.endContainer !== text) return null;
  return range.startOffset < range.endOffset ? { start: range.startOffset, end: range.endOffset } : null;
}

export function CodingScreen({ survey, canQuote, locale, regions, question, codes, queue }: Props) {
  const t = CODING_STRINGS[locale];
  const [answers, setAnswers] = useState<QueuedAnswer[]>(queue.answers);
  const [coded, setCoded] = useState(queue.coded);
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [passages, setPassages] = useState<Record<string, PassageBody>>({});
  const [history, setHistory] = useState<Saved[]>([]);
  const [status, setStatus] = useState('');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const screen = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLParagraphElement>(null);
  const answer = answers[index];

  // A new answer on screen: its codes as stored (none when uncoded), and the keyboard focus on the screen.
  useEffect(() => {
    setChosen(answer?.coding?.codes ?? []);
    setPassages(answer?.coding?.passages ?? {});
    setTyped('');
  }, [answer]);
  useEffect(() => screen.current?.focus(), []);

  const ordered = (names: readonly string[]) => codes.map((c) => c.code).filter((c) => names.includes(c));

  function toggle(code: string) {
    const passage = selectedPassage(textRef.current);
    if (passage) {
      // Selecting a passage then pressing a code ties that code to it (and tags the answer if it was not).
      setChosen((now) => (now.includes(code) ? now : [...now, code]));
      setPassages((now) => ({ ...now, [code]: passage }));
      window.getSelection()?.removeAllRanges();
      return;
    }
    const on = chosen.includes(code);
    setChosen(on ? chosen.filter((c) => c !== code) : [...chosen, code]);
    if (on) clearPassage(code);
  }

  function clearPassage(code: string) {
    setPassages(({ [code]: _, ...rest }) => rest);
  }

  function replace(at: number, coding: QueuedAnswer['coding']) {
    setAnswers((list) => list.map((a, i) => (i === at ? { ...a, coding } : a)));
  }

  async function saveAndNext() {
    if (!answer || busy) return;
    setBusy(true);
    try {
      const names = ordered(chosen);
      const kept = Object.fromEntries(Object.entries(passages).filter(([c]) => names.includes(c)));
      const reply = await putCodes(answer.response, question, names, kept, queue.pass);
      if (reply.previous === null) setCoded((n) => n + 1);
      replace(index, reply.coding);
      setHistory((h) => [...h, { index, response: answer.response, previous: reply.previous }]);
      setStatus(names.length === 0 ? t.savedNone : t.saved);
      setIndex((i) => i + 1);
      screen.current?.focus();
    } catch {
      setStatus(t.failed);
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    const last = history.at(-1);
    if (!last || busy) return;
    setBusy(true);
    try {
      const reply = last.previous
        ? await putCodes(last.response, question, last.previous.codes, last.previous.passages, queue.pass)
        : await clearCodes(last.response, question, queue.pass);
      if (!last.previous) setCoded((n) => n - 1);
      replace(last.index, reply.coding);
      setHistory((h) => h.slice(0, -1));
      setIndex(last.index);
      setStatus(t.undone);
      screen.current?.focus();
    } catch {
      setStatus(t.failed);
    } finally {
      setBusy(false);
    }
  }

  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target;
    // Typing goes to the type-ahead box; a focused button takes Enter itself; a checkbox lets the keys through.
    if (target instanceof HTMLInputElement && target.type !== 'checkbox') return;
    if (target instanceof HTMLButtonElement || event.ctrlKey || event.metaKey || event.altKey) return;
    // event.code names the physical key: on a Kazakh layout the digit row types ә, і, ң, ғ …
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1];
    if (digit !== undefined) {
      const code = codes[Number(digit) - 1];
      if (code) toggle(code.code);
    } else if (event.key === 'Enter') void saveAndNext();
    else if (event.key === 'Backspace') void undo();
    else if (event.code === 'KeyA' && answer) setChosen((now) => [...new Set([...now, ...answer.suggested])]);
    else return;
    event.preventDefault();
  }

  /** A saved code's answer as a quote in the brief; a region with few respondents asks for a confirmation. */
  async function quote(code: string) {
    if (!answer) return;
    try {
      await chooseQuote(survey, question, code, answer.response, false);
      setStatus(t.quoteChosen);
    } catch (error) {
      const small =
        error instanceof HttpError && error.problem?.type === '/problems/quote-needs-confirmation';
      if (!small || !window.confirm(t.confirmSmallRegion)) return setStatus(small ? '' : t.failed);
      await chooseQuote(survey, question, code, answer.response, true);
      setStatus(t.quoteChosen);
    }
  }

  function onTyped(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      setTyped('');
      screen.current?.focus();
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const needle = typed.trim().toLowerCase();
    if (needle === '') return void saveAndNext();
    const match = codes.find(
      (c) => c.code.includes(needle) || LOCALES.some((l) => c.labels[l].toLowerCase().includes(needle)),
    );
    if (match) toggle(match.code);
    setTyped('');
  }

  const total = answers.length;
  return (
    <div className="coding-screen" ref={screen} tabIndex={-1} onKeyDown={onKey} aria-label={t.tabs.code}>
      <p className="coding-progress" aria-live="polite">
        <strong>{t.progress(coded, queue.total)}</strong>
        {answer && <span>{t.answerOf(index + 1, total)}</span>}
      </p>
      {total === 0 ? (
        <p className="notice">{t.nothingToCode}</p>
      ) : !answer ? (
        <p className="notice">{t.done}</p>
      ) : (
        <article className="coding-answer" aria-label={t.answerOf(index + 1, total)}>
          <p className="answer-meta">
            <span>
              {t.region}: {regionName(regions, answer.region, locale)}
            </span>
            <span>
              {t.briefing}: {answer.briefing ?? t.noBriefing}
            </span>
            <span>
              {t.language}: {languageName(answer.locale)}
            </span>
          </p>
          <p className="coding-text" ref={textRef} lang={answer.locale} title={t.passageHint}>
            {answer.text}
          </p>
          {Object.entries(passages).length > 0 && (
            <ul className="coding-passages" aria-label={t.passage}>
              {Object.entries(passages).map(([code, p]) => (
                <li key={code}>
                  <b>{code}</b>: «{answer.text.slice(p.start, p.end)}»{' '}
                  <button type="button" className="link" onClick={() => clearPassage(code)}>
                    {t.clearPassage}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {canQuote && queue.pass === 1 && (answer.coding?.codes.length ?? 0) > 0 && (
            <p className="coding-quote">
              {t.quote}:{' '}
              {answer.coding!.codes.map((code) => (
                <button key={code} type="button" onClick={() => void quote(code)}>
                  {codes.find((c) => c.code === code)?.labels[locale] ?? code}
                </button>
              ))}
            </p>
          )}
          {answer.suggested.length > 0 && (
            <p className="coding-suggested">
              {t.suggested}: {answer.suggested.join(', ')}{' '}
              <button
                type="button"
                onClick={() => setChosen((now) => [...new Set([...now, ...answer.suggested])])}
              >
                {t.acceptSuggestions}
              </button>
            </p>
          )}
        </article>
      )}
      {codes.length === 0 ? (
        <p className="notice">{t.noCodesYet}</p>
      ) : (
        <fieldset className="coding-codes">
          <legend>{t.codes}</legend>
          <ol>
            {codes.map((c, i) => (
              <li key={c.code} className={c.parent ? 'child' : undefined}>
                <label className={answer?.suggested.includes(c.code) ? 'suggested' : undefined}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(c.code)}
                    disabled={!answer}
                    onChange={() => toggle(c.code)}
                  />
                  {i < 9 && (
                    <kbd aria-label={t.keyOf(i + 1)} className="key">
                      {i + 1}
                    </kbd>
                  )}
                  <span lang={locale}>{c.labels[locale]}</span>
                  <small lang={otherLocale(locale)}>{c.labels[otherLocale(locale)]}</small>
                </label>
              </li>
            ))}
          </ol>
          <label className="coding-typeahead">
            {t.typeAhead}
            <input value={typed} onChange={(e) => setTyped(e.target.value)} onKeyDown={onTyped} />
          </label>
        </fieldset>
      )}
      <div className="coding-actions">
        <button type="button" onClick={() => void undo()} disabled={history.length === 0 || busy}>
          {t.undo}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void saveAndNext()}
          disabled={!answer || busy}
        >
          {t.save}
        </button>
      </div>
      <p className="muted">{t.keys}</p>
      <p className="coding-status" role="status">
        {status}
      </p>
    </div>
  );
}
