// Row flattening, one question type at a time: the cells a stored answer becomes, in both checkbox layouts and
// in each label language; answered-but-not-chosen versus skipped versus not asked.
import { describe, expect, it } from 'vitest';
import { planColumns, type ChoiceLayout } from '../../exports/columns';
import { compileRows, type LabelMode } from '../../exports/rows';
import type { ExportRow } from '../../server/store';
import { version } from '../support/export-definitions';

const t = (en: string, kk: string, ru: string) => ({ default: en, kk, ru });

const ELEMENTS = [
  { type: 'dropdown', name: 'region', choices: ['KZ-10', 'KZ-55'] },
  {
    type: 'radiogroup',
    name: 'role',
    choices: [{ value: 'ngo', text: t('NGO', 'ҮЕҰ', 'НКО') }, 'akimat'],
    showOtherItem: true,
  },
  { type: 'dropdown', name: 'days', choices: [1, 2, 5], showNoneItem: true },
  {
    type: 'checkbox',
    name: 'fields',
    showOtherItem: true,
    showNoneItem: true,
    choices: [
      { value: 'health', text: t('Health', 'Денсаулық', 'Здоровье') },
      'ecology',
      { value: 'dont_know', isExclusive: true },
    ],
  },
  { type: 'tagbox', name: 'tools', choices: ['telegram', 'whatsapp'] },
  {
    type: 'checkbox',
    name: 'channels',
    choices: ['radio', 'tv'],
    showCommentArea: true,
    showRefuseItem: true,
    showDontKnowItem: true,
  },
  { type: 'ranking', name: 'needs', choices: ['money', 'people', 'space'], selectToRankEnabled: true },
  { type: 'rating', name: 'mood', rateMin: 0, rateMax: 10, rateStep: 2 },
  { type: 'boolean', name: 'consent' },
  { type: 'boolean', name: 'kind', valueTrue: 'registered', valueFalse: 'informal' },
  {
    type: 'matrix',
    name: 'quality',
    rows: [{ value: 'akimat', text: t('Akimat', 'Әкімдік', 'Акимат') }, 'ngos'],
    columns: [{ value: 'good', text: t('Good', 'Жақсы', 'Хорошо') }, 'poor'],
  },
  { type: 'text', name: 'city' },
  { type: 'text', name: 'age', inputType: 'number' },
  { type: 'comment', name: 'idea' },
  { type: 'multipletext', name: 'contact_times', items: [{ name: 'from' }, { name: 'to' }] },
  {
    type: 'matrixdropdown',
    name: 'staff',
    rows: ['paid', 'volunteers'],
    columns: [{ name: 'count' }, { name: 'roles' }],
  },
  { type: 'paneldynamic', name: 'projects', templateElements: [{ type: 'text', name: 'title' }] },
  { type: 'html', name: 'note', html: '<p>hi</p>' },
  { type: 'expression', name: 'score', expression: '{age} * 2' },
  { type: 'text', name: 'email', pii: true },
];

const ANSWERS = {
  region: 'KZ-10',
  role: 'other',
  'role-Comment': 'Мектеп',
  days: 5,
  fields: ['ecology', 'other', 'health'],
  'fields-Comment': 'Жануарлар',
  tools: ['whatsapp'],
  channels: ['tv'],
  'channels-Comment': '=1+1',
  needs: ['space', 'money'],
  mood: 6,
  consent: false,
  kind: 'registered',
  quality: { ngos: 'poor', akimat: 'good' },
  city: 'Семей, "орталық"',
  age: 34,
  idea: 'line 1\nline 2',
  contact_times: { from: '09:00', to: '18:00' },
  staff: { paid: { count: 3, roles: ['lead', 'it'] } },
  projects: [{ title: 'A' }, { title: 'B' }],
};

function flatten(
  answers: Record<string, unknown>,
  options: { labels?: LabelMode; choices?: ChoiceLayout; pii?: boolean; contacts?: unknown } = {},
) {
  const plan = planColumns([version(1, ELEMENTS)], {
    choices: options.choices ?? 'columns',
    pii: options.pii ?? false,
  });
  const build = compileRows(plan, { labels: options.labels ?? 'values' });
  const row: ExportRow = [
    'id-1',
    1,
    '2023-09-15T05:30:00.000Z',
    'kk',
    String(answers.region ?? 'KZ-10'),
    'semey',
    JSON.stringify(answers),
    options.contacts === undefined ? null : JSON.stringify(options.contacts),
  ];
  const cells = build(row);
  return Object.fromEntries(plan.columns.map((c, i) => [c.name, cells[i]!]));
}

describe('flattening each question type (labels=values, choices=columns)', () => {
  const row = flatten(ANSWERS);

  it('writes the fixed columns: id, survey, version, ISO time, locale, region, region name, briefing', () => {
    expect(Object.entries(row).slice(0, 8)).toEqual([
      ['response_id', 'id-1'],
      ['survey', 'test'],
      ['version', '1'],
      ['submitted_at', '2023-09-15T05:30:00.000Z'],
      ['locale', 'kk'],
      ['region', 'KZ-10'],
      ['region_name', 'Abai Region'],
      ['briefing', 'semey'],
    ]);
  });

  it('radiogroup and dropdown: the code, "other" with its text in q/other, numeric codes and none', () => {
    expect(row).toMatchObject({ role: 'other', 'role/other': 'Мектеп', days: '5' });
    expect(flatten({ days: 'none' }).days).toBe('none');
  });

  it('checkbox: 1 per chosen code, 0 for the others, the other text in q/other (no 0/1 column for other)', () => {
    expect(row).toMatchObject({
      'fields/health': '1',
      'fields/ecology': '1',
      'fields/dont_know': '0',
      'fields/none': '0',
      'fields/other': 'Жануарлар',
    });
    expect(Object.keys(row).filter((k) => k.startsWith('fields/'))).toEqual([
      'fields/health',
      'fields/ecology',
      'fields/dont_know',
      'fields/none',
      'fields/other',
    ]);
    expect(flatten({ fields: ['none'] })).toMatchObject({
      'fields/none': '1',
      'fields/health': '0',
      'fields/other': '',
    });
  });

  it('tagbox as a checkbox; refused, don’t know and the comment area of a checkbox', () => {
    expect(row).toMatchObject({ 'tools/telegram': '0', 'tools/whatsapp': '1' });
    expect(row).toMatchObject({
      'channels/radio': '0',
      'channels/tv': '1',
      'channels/refused': '0',
      'channels/dontknow': '0',
    });
    expect(row['channels/comment']).toBe('=1+1');
  });

  it('ranking: each ranked choice gets its rank, unranked ones stay empty', () => {
    expect(row).toMatchObject({ 'needs/space': '1', 'needs/money': '2', 'needs/people': '' });
  });

  it('rating as its number, boolean as 1/0 (also with valueTrue/valueFalse)', () => {
    expect(row).toMatchObject({ mood: '6', consent: '0', kind: '1' });
    expect(flatten({ consent: true, kind: 'informal' })).toMatchObject({ consent: '1', kind: '0' });
  });

  it('matrix: one column per row holding the answer column', () => {
    expect(row).toMatchObject({ 'quality/akimat': 'good', 'quality/ngos': 'poor' });
  });

  it('text, number and comment verbatim', () => {
    expect(row).toMatchObject({ city: 'Семей, "орталық"', age: '34', idea: 'line 1\nline 2' });
  });

  it('multipletext per item, matrixdropdown per row and column, a dynamic panel as its number of entries', () => {
    expect(row).toMatchObject({ 'contact_times/from': '09:00', 'contact_times/to': '18:00' });
    expect(row).toMatchObject({
      'staff/paid/count': '3',
      'staff/paid/roles': 'lead;it',
      'staff/volunteers/count': '',
    });
    // The entries themselves go to the repeat's own long-format file (exports/repeats.ts).
    expect(row.projects).toBe('2');
  });

  it('has no column for html or expression elements, nor for personal data unless asked', () => {
    expect(Object.keys(row)).not.toContain('note');
    expect(Object.keys(row)).not.toContain('score');
    expect(Object.keys(row)).not.toContain('email');
    expect(flatten(ANSWERS, { pii: true, contacts: { email: 'a@b.kz' } }).email).toBe('a@b.kz');
    expect(flatten(ANSWERS, { pii: true }).email).toBe('');
  });

  it('leaves every cell of a skipped question empty, 0/1 columns included', () => {
    const skipped = flatten({ region: 'KZ-55' });
    for (const [name, cell] of Object.entries(skipped).slice(8)) {
      // Flags are 0 for a response that gives no reason for them: they are about the response, not a question.
      if (name.startsWith('flag_')) expect(cell, name).toBe(name === 'flag_fast' ? '' : '0');
      else expect(cell, name).toBe('');
    }
    expect(skipped.region_name).toBe('Pavlodar Region');
  });
});

describe('the joined layout', () => {
  it('joins checkbox codes in the definition order and a ranking in rank order', () => {
    const row = flatten(ANSWERS, { choices: 'joined' });
    expect(row).toMatchObject({
      fields: 'health;ecology;other',
      'fields/other': 'Жануарлар',
      tools: 'whatsapp',
      needs: 'space;money',
    });
    expect(Object.keys(row)).not.toContain('fields/health');
  });

  it('escapes % and ; inside one joined item, so the separator stays unambiguous', () => {
    const v = version(1, [{ type: 'checkbox', name: 'c', choices: ['a;b', '100%', 'plain'] }]);
    const plan = planColumns([v], { choices: 'joined', pii: false });
    const cells = compileRows(plan, { labels: 'values' })([
      'i',
      1,
      't',
      'ru',
      'KZ-10',
      null,
      '{"c":["a;b","100%","plain"]}',
      null,
    ]);
    expect(cells[8]).toBe('a%3Bb;100%25;plain');
  });
});

describe('labels', () => {
  it('turns choice, matrix and joined codes into labels of the chosen language; numbers and 0/1 stay', () => {
    const kk = flatten(ANSWERS, { labels: 'kk' });
    expect(kk).toMatchObject({
      region_name: 'Абай облысы',
      'quality/akimat': 'Жақсы',
      'quality/ngos': 'poor',
      role: 'Басқа',
    });
    expect(kk).toMatchObject({ mood: '6', consent: '0', 'fields/health': '1', days: '5' });
    const ru = flatten(ANSWERS, { labels: 'ru', choices: 'joined' });
    expect(ru).toMatchObject({ region_name: 'область Абай', fields: 'Здоровье;ecology;Другое' });
    expect(flatten({ role: 'ngo' }, { labels: 'en' }).role).toBe('NGO');
  });
});

describe('not asked versus skipped across versions', () => {
  const v1 = version(1, [
    { type: 'text', name: 'a' },
    { type: 'text', name: 'old' },
    { type: 'text', name: 'b' },
  ]);
  const v2 = version(2, [
    { type: 'text', name: 'a' },
    { type: 'text', name: 'b' },
    { type: 'checkbox', name: 'new', choices: ['x'] },
  ]);
  const plan = planColumns([v2, v1], { choices: 'columns', pii: false });
  const build = compileRows(plan, { labels: 'values' });
  const cells = (n: number, answers: object) =>
    Object.fromEntries(
      plan.columns.map((c, i) => [
        c.name,
        build(['id', n, 't', 'kk', 'KZ-10', null, JSON.stringify(answers), null])[i],
      ]),
    );

  it('orders the union newest first with the old question after its predecessor', () => {
    expect(plan.columns.map((c) => c.name).slice(8, -5)).toEqual(['a', 'old', 'b', 'new/x', '__not_asked']);
  });

  it('lists the questions a response’s version did not ask, and nothing for a skipped one', () => {
    expect(cells(1, { a: 'x' })).toMatchObject({ 'new/x': '', __not_asked: 'new' });
    expect(cells(2, { a: 'x' })).toMatchObject({ old: '', 'new/x': '', __not_asked: 'old' });
    expect(cells(2, { new: ['x'] })).toMatchObject({ 'new/x': '1', __not_asked: 'old' });
  });
});
