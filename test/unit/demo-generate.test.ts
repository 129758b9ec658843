// The demo generator in-process: the schedule, the chronological order, the content hash's fast path, and the
// generic walker on a fixture that uses every question type the validator supports.
import { createHash } from 'node:crypto';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { chronologicalOrder, demoPlan, demoResponse } from '../../server/cli/demo/generate';
import { Random } from '../../server/cli/demo/random';
import { demoSchedule } from '../../server/cli/demo/schedule';
import { canonicalJson } from '../../server/catalog/canonical-json';
import { loadCatalog } from '../../server/catalog/load';
import { REGION_CODES } from '../../server/catalog/regions';
import { contentHash, type ResponseContent } from '../../server/catalog/response-record';
import { FIXTURE_SURVEYS, REPO_SURVEYS } from '../support/server';

const repo = loadCatalog(REPO_SURVEYS).catalog;

/** The hash as judge-response.ts computed it before the fast path existed: always through canonicalJson. */
function slowHash(c: ResponseContent): string {
  const text = canonicalJson({
    survey: c.surveyId,
    version: c.version,
    locale: c.locale,
    briefing: c.briefing,
    startedAt: c.startedAt,
    data: c.data,
  });
  return createHash('sha256').update(text).digest('hex');
}

describe('demo schedule', () => {
  const schedule = demoSchedule('roadmap-needs', [1, 2]);

  it('holds two to six briefings per region on working days from September 2023 to March 2024, v1 before v2', () => {
    for (const code of REGION_CODES) {
      const own = schedule.filter((b) => b.briefing.region === code);
      expect(own.length, code).toBeGreaterThanOrEqual(2);
      expect(own.length, code).toBeLessThanOrEqual(6);
      expect(new Set(own.map((b) => b.version)), code).toEqual(new Set([1, 2]));
    }
    for (const { briefing } of schedule) {
      expect(briefing.date >= '2023-09-15' && briefing.date <= '2024-03-29').toBe(true);
      expect([0, 6]).not.toContain(new Date(`${briefing.date}T00:00:00Z`).getUTCDay());
      expect(briefing.slug).toMatch(/^demo-kz-\d\d-[a-z]+-\d$/);
    }
    const lastV1 = schedule
      .filter((b) => b.version === 1)
      .map((b) => b.briefing.date)
      .sort()
      .at(-1)!;
    expect(schedule.filter((b) => b.version === 2).every((b) => b.briefing.date > lastV1)).toBe(true);
    expect(schedule[0]?.briefing).toMatchObject({
      slug: 'demo-kz-10-semey-1',
      date: '2023-09-15',
      city: 'Semey',
    });
  });
});

// Thousands of responses per test: seconds on a busy two-core machine.
describe('demo responses', { timeout: 30_000 }, () => {
  const plan = demoPlan(repo.getSurvey('roadmap-needs')!);

  it('orders a run by submission time, each index once', () => {
    const order = chronologicalOrder(plan, 5, 1000);
    expect(new Set(order).size).toBe(1000);
    // Whole seconds: within one second the order is by index.
    const times = [...order].map((i) => demoResponse(plan, 5, i).response.submittedAt.slice(0, 19));
    expect(times).toEqual([...times].sort());
  });

  it('gives every response of a big run its own id: the streams of different indices never overlap', () => {
    // The draws before the id vary in number, as in demoResponse; a 32-bit PRNG state repeated ids here.
    const ids = new Set<string>();
    for (let i = 0; i < 300_000; i++) {
      const random = Random.for(1, i);
      for (let k = i % 9; k > 0; k--) random.next();
      ids.add(random.uuid());
    }
    expect(ids.size).toBe(300_000);
  });

  it('is a function of seed and index', () => {
    expect(demoResponse(plan, 5, 42)).toEqual(demoResponse(plan, 5, 42));
    expect(demoResponse(plan, 5, 42).response.id).not.toBe(demoResponse(plan, 6, 42).response.id);
  });

  it('hashes content exactly as canonicalJson does, with or without sorted keys', () => {
    for (let i = 0; i < 300; i++) {
      const { response: r } = demoResponse(plan, 9, i);
      const content = {
        surveyId: r.surveyId,
        version: r.version,
        locale: r.locale,
        briefing: r.briefing,
        startedAt: r.startedAt,
        data: { ...r.answers, ...r.contacts },
      };
      expect(r.contentHash).toBe(slowHash(content));
      expect(contentHash(content)).toBe(slowHash(content));
    }
    const odd: Record<string, unknown>[] = [
      { b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } },
      { 10: 'x', 9: 'y', a: 'z' },
      JSON.parse('{"__proto__": {"x": 1}, "a": 2}'),
      { a: undefined, b: 1 },
      { a: [undefined, 1], b: -0 },
    ];
    for (const data of odd) {
      const content = { surveyId: 's', version: 1, locale: 'kk', briefing: null, startedAt: null, data };
      expect(contentHash(content)).toBe(slowHash(content));
    }
  });

  it('draws valid answers for every roadmap-needs version, v3 included: akimat staff get their own cooperation matrix', () => {
    const all = demoSchedule('roadmap-needs', [1, 2, 3]);
    expect(new Set(all.map((b) => b.version))).toEqual(new Set([1, 2, 3]));
    const seen = new Map<number, number>();
    let akimatV3 = 0;
    for (let i = 0; i < 1500; i++) {
      const { response, errors } = demoResponse(plan, 4, i);
      expect(errors, `#${i} v${response.version}`).toEqual([]);
      seen.set(response.version, (seen.get(response.version) ?? 0) + 1);
      if (response.version !== 3) {
        expect(response.answers).not.toHaveProperty('cooperation_quality_by_akimat');
        continue;
      }
      const akimat = response.answers.role === 'akimat';
      if (akimat && response.answers.cooperation_quality_by_akimat !== undefined) akimatV3 += 1;
      expect(response.answers).not.toHaveProperty(
        akimat ? 'cooperation_quality' : 'cooperation_quality_by_akimat',
      );
    }
    expect([...seen.keys()].sort()).toEqual([1, 2, 3]);
    expect(akimatV3).toBeGreaterThan(0);
  });

  it('answers every question type the validator supports (kitchen-sink fixture) with valid data', () => {
    const fixtures = loadCatalog(FIXTURE_SURVEYS).catalog;
    const kitchen = demoPlan(fixtures.getSurvey('kitchen-sink')!);
    const answered = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const { response, errors } = demoResponse(kitchen, 3, i);
      expect(errors).toEqual([]);
      for (const key of Object.keys({ ...response.answers, ...response.contacts })) answered.add(key);
    }
    const questions = new Model(fixtures.getVersion('kitchen-sink', 1)!.definition).getAllQuestions(
      false,
      true,
    );
    const unanswered = questions.filter(
      (q) => !answered.has(q.name) && !['html', 'image', 'expression'].includes(q.getType()),
    );
    // "bonus" shows only when a computed score passes 100: the walker does not compute expressions.
    expect(unanswered.map((q) => q.name)).toEqual(['bonus']);
  });
});
