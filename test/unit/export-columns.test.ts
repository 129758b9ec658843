// The column plan: names and their escaping, the union of questions over versions (real roadmap-needs v1–v3),
// not-asked lists, personal data, and the per-question metadata the aggregates reuse.
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../exports/columns';
import { QUALITY_COLUMNS } from '../../exports/quality-columns';
import { mergeOrdered } from '../../exports/merge';
import { columnName, decodeSegment, encodeSegment } from '../../exports/names';
import { describeQuestions } from '../../exports/questions';
import { loadCatalog } from '../../server/catalog/load';
import { REPO_SURVEYS } from '../support/server';
import { version } from '../support/export-definitions';

const roadmap = loadCatalog(REPO_SURVEYS).catalog.getSurvey('roadmap-needs')!;
const names = (plan: ReturnType<typeof planColumns>) => plan.columns.map((c) => c.name);

describe('column names', () => {
  it('percent-encodes /, %, ; and control characters in each segment and keeps everything else', () => {
    expect(encodeSegment('a/b')).toBe('a%2Fb');
    expect(encodeSegment('50%')).toBe('50%25');
    expect(encodeSegment('x;y')).toBe('x%3By');
    expect(encodeSegment('tab\there\n')).toBe('tab%09here%0A');
    expect(encodeSegment('Қала, аудан (орталық)')).toBe('Қала, аудан (орталық)');
    for (const raw of ['a/b', '%2F', 'Өңір / облыс; 100%', '\u0000\u007f\u0085'])
      expect(decodeSegment(encodeSegment(raw))).toBe(raw);
  });

  it('keeps a question "a/b" apart from question "a" with choice "b", and "a%2Fb" apart from both', () => {
    expect(columnName('a/b')).toBe('a%2Fb');
    expect(columnName('a', 'b')).toBe('a/b');
    expect(columnName('a%2Fb')).toBe('a%252Fb');
    expect(columnName('q', 'x/y', 'z')).toBe('q/x%2Fy/z');
  });

  it('never lets a question take a fixed column name, nor a choice take q/other or q/comment', () => {
    expect(columnName('version')).toBe('%76ersion');
    expect(columnName('__not_asked')).toBe('%5F_not_asked');
    expect(columnName('q', 'other')).toBe('q/%6Fther');
    expect(columnName('q', 'comment')).toBe('q/%63omment');
    expect(decodeSegment('%76ersion')).toBe('version');
  });

  it('plans unique, decodable names for odd question names and choice values', () => {
    const odd = version(1, [
      {
        type: 'checkbox',
        name: 'where / how',
        choices: ['a/b', 'a%2Fb', 'Ауыл; шағын', 'other', 'with space'],
      },
      { type: 'radiogroup', name: 'region', choices: ['KZ-10'] },
      { type: 'text', name: 'version' },
    ]);
    const plan = planColumns([odd], { choices: 'columns', pii: false });
    expect(names(plan).slice(8)).toEqual([
      'where %2F how/a%2Fb',
      'where %2F how/a%252Fb',
      'where %2F how/Ауыл%3B шағын',
      'where %2F how/%6Fther',
      'where %2F how/with space',
      '%76ersion',
      '__not_asked',
      'started_at',
      'duration_s',
      'flag_straightlining',
      'flag_duplicate',
      'flag_fast',
    ]);
    expect(new Set(names(plan)).size).toBe(plan.columns.length);
  });
});

describe('the union of questions over versions', () => {
  it('merges lists in the newest order, an older-only item right after its predecessor there', () => {
    expect(
      mergeOrdered(
        [
          ['a', 'c', 'd'],
          ['a', 'b', 'c', 'e'],
        ],
        (x) => x,
      ),
    ).toEqual(['a', 'b', 'c', 'e', 'd']);
    expect(mergeOrdered([['b'], ['a', 'b']], (x) => x)).toEqual(['a', 'b']);
    expect(
      mergeOrdered(
        [
          ['x', 'y'],
          ['p', 'q', 'y'],
        ],
        (x) => x,
      ),
    ).toEqual(['p', 'q', 'x', 'y']);
  });

  it('puts v1-only best_practice_organiser after best_practice_location and v2-only online_platforms in v2 order', () => {
    const plan = planColumns(roadmap.versions, { choices: 'columns', pii: false });
    const list = names(plan);
    expect(list.slice(0, 8)).toEqual([
      'response_id',
      'survey',
      'version',
      'submitted_at',
      'locale',
      'region',
      'region_name',
      'briefing',
    ]);
    // The time and quality columns close the row (exports/quality-columns.ts).
    expect(list.slice(-6)).toEqual(['__not_asked', ...QUALITY_COLUMNS]);
    expect(list.indexOf('best_practice_organiser')).toBe(list.indexOf('best_practice_location') + 1);
    expect(list.indexOf('best_practice_organiser/other')).toBe(list.indexOf('best_practice_organiser') + 1);
    expect(list.indexOf('online_platforms/qazvolunteer')).toBe(list.indexOf('channels_partners/other') + 1);
    expect(list).toContain('problems_severity/insurance');
    expect(list).toContain('activity_fields/digital_volunteering');
    expect(list.filter((n) => n === 'region')).toHaveLength(1);
    expect(plan.notAsked).toEqual(
      new Map([
        [1, 'online_platforms;cooperation_quality_by_akimat'],
        [2, 'best_practice_organiser;cooperation_quality_by_akimat'],
        [3, 'best_practice_organiser'],
      ]),
    );
  });

  it("follows v3's order: the Front-office questions before the cooperation ratings, the akimat staff's own matrix after the others'", () => {
    const list = names(planColumns(roadmap.versions, { choices: 'columns', pii: false }));
    expect(list.indexOf('front_office_improve')).toBeLessThan(list.indexOf('cooperation_quality/akimat'));
    expect(
      list.slice(list.indexOf('cooperation_quality/akimat'), list.indexOf('cooperation_change')),
    ).toEqual([
      'cooperation_quality/akimat',
      'cooperation_quality/other_ngos',
      'cooperation_quality/volunteer_groups',
      'cooperation_quality/business',
      'cooperation_quality/front_office',
      'cooperation_quality/international_orgs',
      'cooperation_quality_by_akimat/ngos',
      'cooperation_quality_by_akimat/volunteer_groups',
      'cooperation_quality_by_akimat/business',
      'cooperation_quality_by_akimat/front_office',
      'cooperation_quality_by_akimat/international_orgs',
    ]);
  });

  it('describes each question for the aggregates: type, shape, versions asking it, choices with kk/ru/en labels', () => {
    const questions = new Map(describeQuestions(roadmap.versions).map((q) => [q.name, q]));
    expect(questions.get('online_platforms')).toMatchObject({
      type: 'checkbox',
      shape: 'multiple',
      versions: [2, 3],
      text: 'other',
    });
    expect(questions.get('cooperation_quality')).toMatchObject({
      shape: 'matrix',
      versions: [1, 2, 3],
      visibleIf: "{role} != 'akimat'",
    });
    expect(questions.get('cooperation_quality_by_akimat')).toMatchObject({
      shape: 'matrix',
      versions: [3],
      visibleIf: "{role} = 'akimat'",
    });
    expect(questions.get('best_practice_organiser')).toMatchObject({
      type: 'radiogroup',
      shape: 'single',
      versions: [1],
    });
    expect(questions.get('region')).toMatchObject({ shape: 'single', versions: [1, 2, 3] });
    expect(questions.get('contact_email')).toMatchObject({ pii: true, shape: 'text' });
    const none = questions.get('channels_akimat')!.choices.find((c) => c.code === 'none')!;
    expect(none).toMatchObject({
      special: 'none',
      exclusive: true,
      label: { en: 'I do not work with the akimat', ru: 'Не взаимодействую с акиматом' },
    });
    for (const name of ['practices_used', 'front_office_help', 'roadmap_international'])
      expect(questions.get(name)!.choices.find((c) => c.code === 'dont_know')).toMatchObject({
        exclusive: true,
      });
    const severity = questions.get('problems_severity')!;
    expect(severity.rows.map((r) => r.code)).toContain('insurance');
    expect(severity.choices.map((c) => c.code)).toEqual([
      'not_a_problem',
      'minor',
      'moderate',
      'serious',
      'very_serious',
      'dont_know',
    ]);
    expect(questions.get('practices_effectiveness')!.choices.map((c) => c.code)).toEqual([1, 2, 3, 4, 5]);
    expect(questions.get('practices_effectiveness')!.choices[0]!.label.en).toBe('1 (Not effective at all)');
    expect(questions.get('volunteering_frequency')!.visibleIf).toBe("{volunteering_years} != 'not_yet'");
    expect(questions.get('top_needs')!.title.kk).toMatch(/\S/);
  });

  it('leaves personal data out unless asked, and plans it from the contacts when asked', () => {
    const without = names(planColumns(roadmap.versions, { choices: 'columns', pii: false }));
    const withPii = names(planColumns(roadmap.versions, { choices: 'columns', pii: true }));
    expect(without.filter((n) => n.startsWith('contact_'))).toEqual(['contact_consent']);
    expect(withPii.filter((n) => n.startsWith('contact_'))).toEqual([
      'contact_consent',
      'contact_name',
      'contact_phone',
      'contact_email',
    ]);
  });

  it('plans only the chosen versions: v1 alone has no v2 questions and nothing not asked', () => {
    const plan = planColumns(
      roadmap.versions.filter((v) => v.version === 1),
      { choices: 'joined', pii: false },
    );
    expect(names(plan)).not.toContain('online_platforms');
    expect(names(plan)).toContain('activity_fields');
    expect(plan.notAsked).toEqual(new Map([[1, '']]));
  });

  it('skips html, image and expression elements, opens panels, and refuses codes that differ only by type', () => {
    const v = version(1, [
      { type: 'html', name: 'intro', html: 'x' },
      {
        type: 'panel',
        name: 'p',
        elements: [
          { type: 'text', name: 'inside' },
          { type: 'image', name: 'logo' },
        ],
      },
      { type: 'expression', name: 'score', expression: '1' },
    ]);
    expect(names(planColumns([v], { choices: 'columns', pii: false })).slice(8)).toEqual([
      'inside',
      '__not_asked',
      'started_at',
      'duration_s',
      'flag_straightlining',
      'flag_duplicate',
      'flag_fast',
    ]);
    const clash = version(1, [{ type: 'checkbox', name: 'n', choices: [1, '1'] }]);
    expect(() => planColumns([clash], { choices: 'columns', pii: false })).toThrow(/n\/1/);
  });
});
