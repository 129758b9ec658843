// Keeps the form on screen as a draft in IndexedDB: at once on each page change, at most once a second while
// answers change, and when the phone hides the page (the last moment a closing tab reliably gives us).
import { useEffect } from 'react';
import type { Model } from 'survey-core';
import type { Briefing } from '../lib/api';
import { draftKey, type DraftStore } from '../lib/drafts';

export interface DraftSource {
  model: Model;
  surveyId: string;
  version: number;
  definition: Record<string, unknown>;
  briefing: Briefing | null;
  responseId: string;
  startedAt: string;
}

const THROTTLE_MS = 1_000;

export function useDraft(source: DraftSource, drafts: DraftStore): void {
  useEffect(() => {
    const { model } = source;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dirty = false;

    const save = () => {
      clearTimeout(timer);
      timer = undefined;
      // A sent form's draft was deleted with the send; a late save must not bring it back.
      if (!dirty || model.state !== 'running') return;
      dirty = false;
      void drafts.save({
        key: draftKey(source.surveyId, source.version, source.briefing?.slug ?? null),
        surveyId: source.surveyId,
        version: source.version,
        briefing: source.briefing,
        definition: source.definition,
        responseId: source.responseId,
        startedAt: source.startedAt,
        data: structuredClone(model.data) as Record<string, unknown>,
        pageNo: model.currentPageNo,
        savedAt: new Date().toISOString(),
      });
    };
    const onValue = () => {
      dirty = true;
      timer ??= setTimeout(save, THROTTLE_MS);
    };
    const onPage = () => {
      dirty = true;
      save();
    };
    const onComplete = () => {
      clearTimeout(timer);
      dirty = false;
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') save();
    };

    model.onValueChanged.add(onValue);
    model.onCurrentPageChanged.add(onPage);
    model.onComplete.add(onComplete);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      // No last save: a form is replaced only once sent, or by "start over", which deleted its draft.
      clearTimeout(timer);
      model.onValueChanged.remove(onValue);
      model.onCurrentPageChanged.remove(onPage);
      model.onComplete.remove(onComplete);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    };
  }, [source, drafts]);
}
