// What the coding conformance tests share: a store with the example survey's count plans (its texts: `proposal` and
// `role-Comment`) and twelve responses over two regions, three days and a briefing, with ids in insertion order
// (PostgreSQL's insertResponses writes a batch in id order, SQLite in the given one: the row numbers then agree).
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import type { CountPlan, NewCode, NewResponse } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { FIXTURE_SURVEYS } from '../support/server';
import type { Engine } from './engines';

export const plans: CountPlan[] = countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);

export const BRIEFING = 'semey-2023-09';
const DAYS = ['2023-09-14T20:00:00.000Z', '2023-09-15T10:00:00.000Z', '2023-09-16T10:00:00.000Z'];

/** r00…r11: r00–r07 in KZ-10, r08–r11 in KZ-71; every fourth without a proposal; r00–r03 at the briefing. */
export const RESPONSES: NewResponse[] = Array.from({ length: 12 }, (_, i) => {
  const region = i < 8 ? 'KZ-10' : 'KZ-71';
  const proposal = i % 4 === 3 ? {} : { proposal: `Нужно ПОМЕЩЕНИЕ ${i}` };
  return {
    id: `r${String(i).padStart(2, '0')}`,
    surveyId: 'example',
    version: 1,
    locale: 'ru',
    region,
    briefing: i < 4 ? BRIEFING : null,
    startedAt: null,
    // 20:00Z on the 14th is the 15th in Kazakhstan: days 15, 15, 16 by thirds.
    submittedAt: DAYS[i % 3]!,
    answers: {
      region,
      role: 'volunteer',
      ...proposal,
      ...(i === 5 ? { 'role-Comment': 'Другое Мнение' } : {}),
    },
    contacts: null,
    contentHash: `h${i}`,
  };
});

export const labels = (en: string) => ({ kk: `${en} kk`, ru: `${en} ru`, en });

export const newCode = (code: string, parent: string | null = null, question = 'proposal'): NewCode => ({
  surveyId: 'example',
  question,
  code,
  labels: labels(code),
  description: '',
  parent,
  rules: [],
  at: `2023-10-01T00:00:0${code.length % 10}.000Z`,
});

/** A fresh store of `engine` with the responses stored. */
export async function openWithResponses(engine: Engine): Promise<AsyncStorePart> {
  const store = await engine.open({ countPlans: plans });
  await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
  await store.addBriefing(
    {
      slug: BRIEFING,
      surveyId: 'example',
      region: 'KZ-10',
      city: 'Semey',
      cityNames: {},
      date: '2023-09-15',
      title: { kk: 'Брифинг', ru: 'Брифинг', en: 'Briefing' },
      opensAt: null,
      closesAt: null,
    },
    'T',
  );
  await store.insertResponses(RESPONSES);
  return store;
}

/** The answer to code under `key`, which must exist. */
export async function answerOf(store: AsyncStorePart, id: string, key = 'proposal') {
  const answer = await store.getAnswerToCode(id, key);
  if (!answer) throw new Error(`no response ${id}`);
  return answer;
}

/** Codes an answer in pass 1 with the given code ids (no passages). */
export async function code(store: AsyncStorePart, id: string, codeIds: number[], pass: 1 | 2 = 1) {
  const given = codeIds.map((codeId) => ({ codeId, span: null }));
  return store.setAnswerCodes(await answerOf(store, id), 'proposal', pass, given, 'coder@example.kz', 'T1');
}
