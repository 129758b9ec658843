// Qualitative coding in Kazakh, end to end: an author builds a three-code codebook for roadmap_proposals, codes 20
// answers by keyboard (one code tied to a selected passage; undo; A ticks a suggestion), accepts a rule's suggestions
// for the rest, and sees the code counts per region on the dashboard and in the brief; an analyst's CSV has the code
// columns. Screenshots of the coding screen and the brief's section are kept in docs/.
import type { Locator } from 'playwright-core';
import { expect, test } from 'vitest';
import { CODING_STRINGS } from '../../client/workspace/coding/strings';
import { envelope, postResponse } from '../support/answers';
import { createUser, fetchAs, signIn } from '../support/auth';
import { browserSuite } from '../support/browser-suite';
import { REPO_SURVEYS } from '../support/server';

const t = CODING_STRINGS.kk;
const AUTHOR = { email: 'coding-author@example.kz', password: 'Coding-author-2024', role: 'author' as const };
const ANALYST = {
  email: 'coding-analyst@example.kz',
  password: 'Coding-analyst-2024',
  role: 'analyst' as const,
};

/** Texts the author codes by hand, with the key pressed for each (1 premises, 2 training, 3 funding). */
const BY_HAND: [region: string, locale: 'kk' | 'ru', text: string, keys: string][] = [
  ['KZ-10', 'kk', 'Волонтерлік орталыққа жеке ғимарат беру керек', '1'],
  ['KZ-10', 'ru', 'Выделить помещение для волонтерского центра', '1'],
  ['KZ-10', 'kk', 'Үйлестірушілерді оқыту курстары қажет', '2'],
  ['KZ-10', 'ru', 'Больше обучения для координаторов', '2'],
  ['KZ-10', 'kk', 'Жастар үшін тренингтер мен оқыту', '2'],
  ['KZ-10', 'ru', 'Помещение и обучение для новых волонтеров', '12'],
  ['KZ-10', 'kk', 'Ауылдық жерлерде кеңсе ашу', '1'],
  ['KZ-10', 'ru', 'Обучать волонтеров первой помощи', '2'],
  ['KZ-10', 'kk', 'Мектептерде волонтерлік сабақтар өткізу', '2'],
  ['KZ-10', 'ru', 'Нужен офис фронт-офиса в центре города', '1'],
  ['KZ-10', 'kk', 'Волонтерлерге демалыс күнін беру', ''],
  ['KZ-10', 'ru', 'Курсы для руководителей НКО', '2'],
  ['KZ-55', 'kk', 'Павлодарда волонтерлер үйін ашу', '1'],
  ['KZ-55', 'ru', 'Помещение для встреч волонтеров', '1'],
  ['KZ-55', 'kk', 'Оқыту бағдарламасын кеңейту', '2'],
  ['KZ-55', 'ru', 'Тренинги по фандрайзингу', '2'],
  ['KZ-55', 'kk', 'Ғимарат пен жабдық керек', '1'],
  ['KZ-55', 'ru', 'Обучение в каждом районе', '2'],
  ['KZ-55', 'kk', 'Әдістемелік оқыту орталығы', '12'],
  ['KZ-55', 'ru', 'Наладить связь с акиматом', ''],
];
/** Texts left for the funding rule (`грант*`, `қаржы*`): five in Abai, one in Pavlodar. */
const FOR_THE_RULE: [string, 'kk' | 'ru', string][] = [
  ['KZ-10', 'ru', 'Гранты для сельских инициатив'],
  ['KZ-10', 'kk', 'Фронт-офиске тұрақты қаржы бөлу'],
  ['KZ-10', 'ru', 'Больше грантов для молодежи'],
  ['KZ-10', 'kk', 'Қаржыландыруды арттыру'],
  ['KZ-10', 'ru', 'Грантовая поддержка НКО'],
  ['KZ-55', 'kk', 'Шағын гранттар беру'],
];

/** The word of BY_HAND[1] its code is tied to. */
const PASSAGE = 'помещение';

/** Selects `word` in the element's text, as a coder dragging over it would. */
async function select(text: Locator, word: string): Promise<void> {
  await text.evaluate((element, w) => {
    const node = element.firstChild!;
    const start = node.textContent!.indexOf(w);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + w.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  }, word);
}

const suite = browserSuite({
  server: { surveysDir: REPO_SURVEYS },
  setup: async (server) => {
    await createUser(server.store, AUTHOR);
    await createUser(server.store, ANALYST);
    // Posted one by one: the queue lists answers in the order they arrived.
    for (const [region, locale, text] of [...BY_HAND, ...FOR_THE_RULE]) {
      const res = await postResponse(
        server.url,
        envelope({ version: 3, locale }, { region, role: 'volunteer', roadmap_proposals: text }),
        'roadmap-needs',
      );
      expect(res.status, res.text).toBe(201);
    }
  },
  timeout: 60_000,
});

test('an author codes roadmap proposals in Kazakh by keyboard, applies a rule, and sees the counts everywhere', async () => {
  const { page, pageErrors } = await suite.signedIn(
    AUTHOR,
    '/workspace/coding?survey=roadmap-needs&question=roadmap_proposals&tab=codebook',
    'kk-KZ',
  );
  await page.getByRole('heading', { level: 1, name: t.title }).waitFor();

  // The codebook: three codes, labels in kk/ru/en; funding with rules for Kazakh and Russian forms.
  const form = page.getByRole('form', { name: t.newCode });
  const addCode = async (code: string, kk: string, ru: string, en: string, rules = '') => {
    await form.getByLabel(t.shortName).fill(code);
    await form.getByLabel(t.label('kk')).fill(kk);
    await form.getByLabel(t.label('ru')).fill(ru);
    await form.getByLabel(t.label('en')).fill(en);
    await form.getByLabel(t.rules).fill(rules);
    await form.getByRole('button', { name: t.add }).click();
    await page.locator('.codebook-codes h3', { hasText: kk }).waitFor();
  };
  await addCode('premises', 'Ғимарат пен кеңсе', 'Помещения и офисы', 'Premises and offices');
  await addCode('training', 'Оқыту', 'Обучение', 'Training');
  await addCode('funding', 'Қаржыландыру', 'Финансирование', 'Funding', 'грант*\nқаржы*');
  expect(await page.locator('.codebook-codes > li').count()).toBe(3);

  // Coding by keyboard: the digit row by its physical keys, Enter to save and go on.
  await page.locator('.coding-tabs').getByRole('tab', { name: t.tabs.code, exact: true }).click();
  const screen = page.locator('.coding-screen');
  await page.getByText(t.progress(0, 26)).waitFor();
  // The whole page: focusing the screen scrolls it, and a window-sized shot cut off the heading or the keys.
  await page.screenshot({ path: 'docs/screenshot-coding-kk.png', fullPage: true });
  for (const [index, [, , text, keys]] of BY_HAND.entries()) {
    await page.getByText(t.answerOf(index + 1, 26)).waitFor();
    expect(await screen.locator('.coding-text').innerText()).toBe(text);
    // The second answer's code is tied to a passage: the word selected before its key is pressed.
    if (index === 1) await select(screen.locator('.coding-text'), PASSAGE);
    for (const key of keys) await page.keyboard.press(`Digit${key}`);
    if (index === 1) await screen.locator('.coding-passages').getByText(`«${PASSAGE}»`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(t.progress(index + 1, 26)).waitFor();
  }
  expect(await screen.locator('.coding-text').innerText()).toBe(FOR_THE_RULE[0]![2]);

  // Undo puts the last answer back on screen with its codes; Enter saves it again.
  await page.keyboard.press('Backspace');
  await page.getByText(t.undone).waitFor();
  await page.getByText(t.progress(19, 26)).waitFor();
  expect(await screen.locator('.coding-text').innerText()).toBe(BY_HAND[19]![2]);
  await page.keyboard.press('Enter');
  await page.getByText(t.progress(20, 26)).waitFor();

  // The next answer shows the funding rule's suggestion, marked as such and not yet counted; A ticks it (not saved:
  // the rule below codes it).
  await screen.getByText(t.suggested).waitFor();
  const funding = screen.locator('.coding-codes input[type=checkbox]').nth(2);
  expect(await funding.isChecked()).toBe(false);
  await page.keyboard.press('KeyA');
  await expect.poll(() => funding.isChecked()).toBe(true);
  await page.keyboard.press('Digit3');
  await expect.poll(() => funding.isChecked()).toBe(false);
  // The passage was saved with the code.
  const queued = await page.evaluate(async () =>
    (await fetch('/api/surveys/roadmap-needs/coding/roadmap_proposals?pageSize=50')).json(),
  );
  const second = BY_HAND[1]![2];
  expect(queued.answers.find((a: { text: string }) => a.text === second).coding).toMatchObject({
    codes: ['premises'],
    passages: { premises: { start: second.indexOf(PASSAGE), end: second.indexOf(PASSAGE) + PASSAGE.length } },
  });

  // The rule: its count over the uncoded answers is shown before it is applied.
  await page.locator('.coding-tabs').getByRole('tab', { name: t.tabs.codebook }).click();
  await page.getByText(t.wouldTag(6)).waitFor();
  await page.getByRole('button', { name: t.apply(6) }).click();
  await page.getByText(t.applied(6)).waitFor();

  // A quote for the brief: the first answer (Abai, coded "premises"), chosen from the coding screen.
  await page.locator('.coding-tabs').getByRole('tab', { name: t.tabs.code, exact: true }).click();
  await page.getByText(t.progress(26, 26)).waitFor();
  await screen.locator('.coding-quote').getByRole('button', { name: 'Ғимарат пен кеңсе' }).click();
  await page.getByText(t.quoteChosen).waitFor();

  // The dashboard: coded answers and each code per region, in Kazakh.
  await page.goto(`${suite.server.url}/workspace/dashboard?survey=roadmap-needs`);
  const table = page.locator('table.code-table');
  await table.waitFor();
  await page.getByRole('heading', { name: t.resultsTitle }).waitFor();
  const row = (name: string) => table.locator('tbody tr', { has: page.getByRole('rowheader', { name }) });
  // An author sees counts published by the cell key method: Abai's 17 coded answers within ±2, never exact zeros lost.
  const heads = await table.locator('thead th').allInnerTexts();
  expect(heads).toContain('Абай облысы');
  expect(heads).toContain('Павлодар облысы');
  const abai = heads.indexOf('Абай облысы');
  const coded = Number(
    (await row(t.codedAnswers).locator('th, td').nth(abai).innerText()).replace(/\D/g, ''),
  );
  expect(Math.abs(coded - 17)).toBeLessThanOrEqual(2);
  expect(await row('Қаржыландыру').count()).toBe(1);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/coding-dashboard-kk.png', fullPage: true });

  // The region comparison: the coded question is in the picker by its codes; Abai's row counts its coded answers.
  await page.goto(
    `${suite.server.url}/workspace/regions?survey=roadmap-needs&question=codes:roadmap_proposals&answer=funding`,
  );
  const heat = page.locator('table.heat-table');
  await heat.locator('thead th', { hasText: 'Қаржыландыру' }).waitFor();
  expect(await heat.locator('thead th').allInnerTexts()).toEqual(
    expect.arrayContaining([expect.stringContaining('Ғимарат пен кеңсе'), expect.stringContaining('Оқыту')]),
  );
  const abaiRow = heat.locator('tbody tr[data-region="KZ-10"]');
  const abaiCoded = Number((await abaiRow.locator('td.n-col').innerText()).replace(/\D/g, ''));
  expect(Math.abs(abaiCoded - 17)).toBeLessThanOrEqual(2);
  await page.screenshot({ path: 'test-results/coding-regions-kk.png', fullPage: true });

  // The brief: "what people proposed", top codes per region and the chosen quote.
  await page.goto(`${suite.server.url}/workspace/brief?survey=roadmap-needs`);
  const proposed = page.locator('section.code-results');
  await proposed.getByRole('heading', { name: t.proposedTitle }).waitFor();
  const abaiLine = proposed.locator('li', { hasText: 'Абай облысы' }).first();
  expect(await abaiLine.innerText()).toMatch(/Оқыту — \d+/);
  await proposed.locator('blockquote', { hasText: BY_HAND[0]![2] }).waitFor();
  await proposed.scrollIntoViewIfNeeded();
  await proposed.screenshot({ path: 'docs/screenshot-brief-coding-kk.png' });
  expect(pageErrors).toEqual([]);

  // Counts: premises 9, training 11 (two answers have both), funding 6 of 26 coded answers.
  const analyst = await signIn(suite.server.url, ANALYST.email, ANALYST.password);
  const csv = await (
    await fetchAs(suite.server.url, analyst, '/api/surveys/roadmap-needs/export.csv')
  ).text();
  const [header, ...rows] = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const columns = header!.split(',');
  for (const code of ['premises', 'training', 'funding'])
    expect(columns).toContain(`roadmap_proposals__code__${code}`);
  const sum = (code: string) => {
    const at = columns.indexOf(`roadmap_proposals__code__${code}`);
    return rows.reduce((n, row) => n + Number(row.split(',').at(at - columns.length) ?? 0), 0);
  };
  expect([sum('premises'), sum('training'), sum('funding')]).toEqual([9, 11, 6]);
  // Twenty answers coded by keyboard, then four pages: about 50 s on a busy two-core machine.
}, 150_000);
