// A Russian-speaking attendee answers the real needs-assessment instrument (its newest version) on a phone:
// a visibleIf branch, matrices shown as lists, a "pick up to 3", the ranking; the row keeps codes, not labels.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  englishSurveyJsStrings,
  pickFromList,
  pickRadio,
  question,
  rate,
  shownChoice,
  tickCheckbox,
  waitForQuestion,
} from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { REPO_SURVEYS } from '../support/server';
import { databaseFileIn, storedResponses } from '../support/database-file';

const PROPOSAL = 'Открыть Фронт-офис в каждом районе; «малые гранты» для сельских групп 🙂';

const suite = browserSuite({ server: { surveysDir: REPO_SURVEYS } });

/** Goes to the next page once SurveyJS has shown this one entirely in Russian. */
async function nextPage(page: Page): Promise<void> {
  expect(await englishSurveyJsStrings(page)).toEqual([]);
  await page.getByRole('button', { name: 'Далее' }).click();
}

test('roadmap-needs v3 answered in Russian on a 390×844 phone is stored as codes, with the Front-office branch', async () => {
  const { page, pageErrors } = await suite.phone('ru-RU');
  await page.goto(`${suite.server.url}/s/roadmap-needs`);

  // About you: Russian from the browser's language, no English left from SurveyJS.
  await waitForQuestion(page, 'region', 'Ваш регион');
  expect(await page.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).toBe('true');
  await pickFromList(question(page, 'region'), 'Карагандинская область');
  await expect.poll(() => shownChoice(question(page, 'region'))).toBe('Карагандинская область');
  await pickRadio(question(page, 'settlement_type'), 'Село');
  await pickRadio(question(page, 'role'), 'Сотрудник НКО');
  await pickRadio(question(page, 'volunteering_years'), '3–5 лет');
  await pickRadio(question(page, 'volunteering_frequency'), 'Раз в неделю или чаще');
  await tickCheckbox(question(page, 'activity_fields'), 'Экология и охрана окружающей среды');
  await tickCheckbox(question(page, 'activity_fields'), 'Образование');
  await nextPage(page);

  // Best practices: the rating, five buttons on a phone too.
  await waitForQuestion(
    page,
    'practices_effectiveness',
    'Насколько в целом эффективны существующие практики развития волонтерства в вашем регионе?',
  );
  await rate(question(page, 'practices_effectiveness'), '4');
  expect(await question(page, 'practices_effectiveness').getByRole('radio', { name: '4' }).isChecked()).toBe(
    true,
  );
  await nextPage(page);

  // Problems and needs: two rows of the severity matrix, and the ranking by tapping, most important first.
  const severity = question(page, 'problems_severity');
  await severity.locator('.sd-question__title').waitFor();
  await pickRadio(severity, 'строка Финансирование волонтерской деятельности, колонка Серьезная проблема');
  await pickRadio(severity, 'строка Выгорание волонтеров, колонка Очень серьезная проблема');
  const ranking = question(page, 'top_needs');
  await ranking.getByText('Обучение волонтеров', { exact: true }).click();
  await ranking.locator('.sv-ranking__container--to').getByText('Обучение волонтеров').waitFor();
  await ranking.getByText('Стабильное финансирование', { exact: true }).click();
  await expect
    .poll(() => ranking.locator('.sv-ranking__container--to').innerText())
    .toMatch(/1\s+Обучение волонтеров\s+2\s+Стабильное финансирование/);
  await nextPage(page);

  // Cooperation: the Front-office comes before the ratings (v3); its follow-ups appear only once the region has
  // one. An NGO employee rates the akimat; the akimat staff's own matrix stays hidden.
  const followUps = ['front_office_contact', 'front_office_help', 'front_office_improve'];
  await waitForQuestion(page, 'front_office_exists', 'Есть ли в вашем регионе волонтерский Фронт-офис?');
  for (const name of followUps) expect(await question(page, name).isVisible(), name).toBe(false);
  const names = await page
    .locator('[data-name]')
    .evaluateAll((all) => all.map((e) => e.getAttribute('data-name')));
  expect(names.indexOf('front_office_exists')).toBeLessThan(names.indexOf('cooperation_quality'));
  expect(await question(page, 'cooperation_quality_by_akimat').isVisible()).toBe(false);
  await pickRadio(question(page, 'front_office_exists'), 'Да');
  for (const name of followUps) await question(page, name).waitFor();
  await waitForQuestion(
    page,
    'front_office_contact',
    'Обращались ли вы в региональный Фронт-офис за последние 12 месяцев?',
  );
  await pickRadio(question(page, 'front_office_contact'), 'Да, один раз');
  // "Hard to say" stands alone: ticking it clears the other choices, and a real choice clears it.
  const help = question(page, 'front_office_help');
  const box = (name: string) => help.getByRole('checkbox', { name, exact: true });
  await tickCheckbox(help, 'Консультации');
  await tickCheckbox(help, 'Затрудняюсь ответить');
  await expect.poll(() => box('Консультации').isChecked()).toBe(false);
  expect(await box('Затрудняюсь ответить').isChecked()).toBe(true);
  await tickCheckbox(help, 'Консультации');
  await expect.poll(() => box('Затрудняюсь ответить').isChecked()).toBe(false);
  await pickRadio(question(page, 'cooperation_quality'), 'строка Акимат, колонка Хорошее');
  await nextPage(page);

  // Roadmap: at most three priorities; a fourth cannot be ticked.
  const top3 = question(page, 'roadmap_top3');
  await top3.locator('.sd-question__title').waitFor();
  await tickCheckbox(top3, 'Институциональная поддержка волонтерских и благотворительных организаций');
  await tickCheckbox(top3, 'Волонтерство в сельской местности');
  await tickCheckbox(top3, 'Цифровая инфраструктура');
  const fourth = top3.getByRole('checkbox', { name: 'Международное сотрудничество', exact: true });
  await expect.poll(() => fourth.isDisabled()).toBe(true);
  await question(page, 'roadmap_proposals').getByRole('textbox').fill(PROPOSAL);
  await nextPage(page);

  // Contact: no consent, so no personal data.
  await pickRadio(question(page, 'contact_consent'), 'Нет, спасибо');
  expect(await englishSurveyJsStrings(page)).toEqual([]);
  await page.getByRole('button', { name: 'Отправить' }).click();

  const receipt = page.getByRole('status').filter({ hasText: 'Отправлено ✔' });
  await receipt.waitFor();
  const reference = /Код ответа: ([0-9A-F]{8})\b/.exec(await receipt.innerText())?.[1];
  expect(reference, 'the receipt shows an 8-character reference').toBeDefined();

  const rows = storedResponses(databaseFileIn(suite.server.dataDir), { surveyId: 'roadmap-needs' });
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  expect(row.id.replace(/-/g, '').slice(0, 8).toUpperCase()).toBe(reference);
  expect(row).toMatchObject({ version: 3, locale: 'ru', region: 'KZ-35', briefing: null });
  expect(row.answers).toEqual({
    region: 'KZ-35',
    settlement_type: 'village',
    role: 'ngo_staff',
    volunteering_years: 'y3_5',
    volunteering_frequency: 'weekly',
    activity_fields: ['ecology', 'education'],
    practices_effectiveness: 4,
    problems_severity: { funding: 'serious', burnout: 'very_serious' },
    top_needs: ['training', 'stable_funding'],
    cooperation_quality: { akimat: 'good' },
    front_office_exists: 'yes',
    front_office_contact: 'once',
    front_office_help: ['consultations'],
    roadmap_top3: ['institutional_support', 'rural_volunteering', 'digital_infrastructure'],
    roadmap_proposals: PROPOSAL,
    contact_consent: 'no',
  });
  expect(pageErrors).toEqual([]);
});
