// `npm run cli -- demo` as an operator runs it: a few thousand responses into a temp DATA_DIR, then the stored data
// is read back through the store and judged: valid, spread over regions, versions and languages, and regional.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/catalog/load';
import { REGION_CODES } from '../../server/catalog/regions';
import type { StoredResponse } from '../../server/store';
import { runCli } from '../support/cli';
import { makeTempDir, REPO_SURVEYS } from '../support/server';
import { openStoreOf, queryRows, readStoredResponses } from '../support/stored-data';

const COUNT = 2000;
const dirs: string[] = [];

/** The demo into `dataDir` (its PostgreSQL schema on the integration-pg run), on the repository's surveys. */
function runDemo(dataDir: string, ...args: string[]) {
  return runCli(['demo', ...args], { dataDir, surveysDir: REPO_SURVEYS, timeout: 60_000 });
}

/** Everything stored, with each response's contact details (stored apart) merged back into its data. */
async function readBack(dataDir: string) {
  const contacts = new Map(
    (
      await queryRows<{ response_id: string; answers: string }>(
        dataDir,
        'SELECT response_id, answers FROM response_contacts ORDER BY response_id',
      )
    ).map((row) => [row.response_id, JSON.parse(row.answers) as Record<string, unknown>]),
  );
  const responses = await readStoredResponses(dataDir, { surveyId: 'roadmap-needs' });
  const store = await openStoreOf(dataDir);
  try {
    return { responses, contacts, briefings: await store.listBriefings() };
  } finally {
    await store.close();
  }
}

/** Share of a region's responses for which `test` holds, among those that answered the question. */
function share(
  responses: StoredResponse[],
  region: string,
  test: (a: Record<string, unknown>) => boolean | undefined,
): number {
  const answered = responses
    .filter((r) => r.region === region)
    .map((r) => test(r.answers))
    .filter((x) => x !== undefined);
  return answered.filter(Boolean).length / answered.length;
}

let first: Awaited<ReturnType<typeof readBack>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = makeTempDir();
  dirs.push(dataDir);
  const run = await runDemo(dataDir, '--responses', String(COUNT), '--seed', '11');
  expect(run.stderr).toMatch(/100%/);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/2,000 new/);
  first = await readBack(dataDir);
}, 90_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- demo', () => {
  it('stores the requested number of responses, each of which passes its version’s validator', () => {
    const { catalog } = loadCatalog(REPO_SURVEYS);
    expect(first.responses).toHaveLength(COUNT);
    for (const r of first.responses) {
      const version = catalog.getVersion('roadmap-needs', r.version);
      const data = { ...r.answers, ...first.contacts.get(r.id) };
      expect(version?.validate(data), `${r.id} v${r.version}`).toEqual([]);
    }
  });

  it('covers all 20 regions, every version (v1, then v2, then v3) and all three languages', () => {
    const { responses } = first;
    expect(new Set(responses.map((r) => r.region))).toEqual(new Set(REGION_CODES));
    expect(new Set(responses.map((r) => r.locale))).toEqual(new Set(['kk', 'ru', 'en']));
    const times = (v: number) =>
      responses
        .filter((r) => r.version === v)
        .map((r) => r.submittedAt)
        .sort();
    const [v1, v2, v3] = [times(1), times(2), times(3)];
    expect(v1.length + v2.length + v3.length).toBe(COUNT);
    for (const v of [v1, v2, v3]) expect(v.length).toBeGreaterThan(COUNT / 6);
    expect(v1.at(-1)! < v2[0]!).toBe(true);
    expect(v2.at(-1)! < v3[0]!).toBe(true);
    expect(responses.filter((r) => r.locale === 'en').length).toBeLessThan(COUNT / 20);
  });

  it('ties responses to demo briefings of their own region, submitted on the briefing day', () => {
    const bySlug = new Map(first.briefings.map((b) => [b.slug, b]));
    const semey = bySlug.get('demo-kz-10-semey-1');
    expect(semey).toMatchObject({ region: 'KZ-10', date: '2023-09-15', surveyId: 'roadmap-needs' });
    expect(semey?.title.kk).toMatch(/Семей/);
    for (const b of first.briefings) expect(b.date >= '2023-09-01' && b.date <= '2024-03-31').toBe(true);
    const briefed = first.responses.filter((r) => r.briefing !== null);
    expect(briefed.length).toBeGreaterThan(COUNT * 0.9);
    for (const r of briefed) {
      const b = bySlug.get(r.briefing!);
      expect(b?.region).toBe(r.region);
      expect(r.submittedAt.slice(0, 10)).toBe(b?.date);
      if (r.startedAt) expect(r.startedAt < r.submittedAt).toBe(true);
    }
  });

  it('stores contact details apart, and only for respondents who consented', () => {
    expect(first.contacts.size).toBeGreaterThan(20);
    for (const r of first.responses) {
      expect(Object.keys(r.answers).some((k) => k.startsWith('contact_') && k !== 'contact_consent')).toBe(
        false,
      );
      if (first.contacts.has(r.id)) expect(r.answers.contact_consent).toBe('yes');
    }
  });

  it('skips some optional questions and writes free text in kk and ru', () => {
    const texts = first.responses
      .map((r) => r.answers.roadmap_proposals)
      .filter((t): t is string => typeof t === 'string');
    expect(texts.some((t) => /[әғқңөұүһі]/i.test(t))).toBe(true);
    expect(texts.some((t) => /[ыэъ]/i.test(t))).toBe(true);
    expect(new Set(texts).size).toBeGreaterThan(texts.length / 3);
    expect(first.responses.filter((r) => r.answers.gender === undefined).length).toBeGreaterThan(COUNT / 20);
  });

  it('gives regions different profiles: rural Turkistan reports access problems, Almaty city uses online platforms', () => {
    const { responses } = first;
    const serious = (a: Record<string, unknown>) => {
      const cell = (a.problems_severity as Record<string, string> | undefined)?.rural_access;
      return cell === undefined || cell === 'dont_know'
        ? undefined
        : cell === 'serious' || cell === 'very_serious';
    };
    expect(share(responses, 'KZ-61', serious) - share(responses, 'KZ-75', serious)).toBeGreaterThan(0.2);
    const online = (a: Record<string, unknown>) =>
      Array.isArray(a.practices_used) ? a.practices_used.includes('online_platforms') : undefined;
    expect(share(responses, 'KZ-75', online) - share(responses, 'KZ-61', online)).toBeGreaterThan(0.1);
    // Population-weighted: Almaty city sends several times more responses than Ulytau.
    const count = (code: string) => responses.filter((r) => r.region === code).length;
    expect(count('KZ-75')).toBeGreaterThan(4 * count('KZ-62'));
  });

  it('makes the same data from the same seed, and adds nothing when run again into the same database', async () => {
    const other = makeTempDir();
    dirs.push(other);
    expect((await runDemo(other, '--responses', String(COUNT), '--seed', '11')).status).toBe(0);
    const again = await readBack(other);
    expect(again.responses).toEqual(first.responses);
    expect([...again.contacts]).toEqual([...first.contacts]);

    const rerun = await runDemo(dataDir, '--responses', String(COUNT), '--seed', '11');
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(/0 new, 2,000 already stored/);
    expect((await readBack(dataDir)).responses).toHaveLength(COUNT);
  }, 120_000);

  it('makes other data from another seed, and other ids for another survey with the same seed', async () => {
    const other = makeTempDir();
    dirs.push(other);
    expect((await runDemo(other, '--responses', '50', '--seed', '12')).status).toBe(0);
    const ids = new Set(first.responses.map((r) => r.id));
    expect((await readBack(other)).responses.filter((r) => ids.has(r.id))).toEqual([]);
    // Same seed, other survey, same database: its own briefings and ids, no clash with roadmap-needs.
    const feedback = await runDemo(
      dataDir,
      '--responses',
      '50',
      '--seed',
      '11',
      '--survey',
      'briefing-feedback',
    );
    expect(feedback.status, feedback.stderr).toBe(0);
    expect(feedback.stdout).toMatch(/50 new/);
  }, 90_000);
});
