// A Russian-speaking attendee whose tab reloads halfway: the answers come back from the IndexedDB draft, with a
// note and "start over"; the restored response keeps its uuid and start time. And an answer sent after the
// survey closed (grace over) is refused in Russian, its answers still saved to a file. Real Chromium and server.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pickFromList, pickRadio, question, waitForQuestion } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { FIXTURE_SURVEYS } from '../support/server';
import { databaseFileIn, storedResponses } from '../support/database-file';

const PROPOSAL = 'Нужен постоянный фронт-офис в Семее, ә і ң';
const RESTORED = 'Ваши незаконченные ответы восстановлены';

// No grace after a closing, so that the last test sees the refusal at once.
const suite = browserSuite({ server: { surveysDir: FIXTURE_SURVEYS, config: { closedGraceMs: 0 } } });

const russianPhone = () => suite.phone('ru-RU');

/** Page 1 (region, role), then page 2 with a proposal, then on to page 3: each page change saves the draft. */
async function fillTwoPages(page: Page): Promise<void> {
  await page.goto(`${suite.server.url}/s/example`);
  await waitForQuestion(page, 'region', 'Ваш регион');
  await pickFromList(question(page, 'region'), 'область Абай');
  await pickRadio(question(page, 'role'), 'Сотрудник НКО');
  await page.getByRole('button', { name: 'Далее' }).click();
  await waitForQuestion(page, 'top_needs', 'Выберите до двух потребностей');
  await question(page, 'proposal').getByRole('textbox').fill(PROPOSAL);
  await page.getByRole('button', { name: 'Далее' }).click();
  await waitForQuestion(page, 'consent', 'Можно ли с вами связаться?');
}

/** The drafts in the page's IndexedDB, as JSON text. */
function savedDrafts(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('saualnama');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(JSON.stringify(all.result));
          };
        };
      }),
  );
}

describe('drafts on a 390×844 phone in Russian', () => {
  test('a reload halfway brings the answers back on the page it left, and sending stores the response begun first', async () => {
    const { page, pageErrors } = await russianPhone();
    const beforeOpening = new Date().toISOString();
    await fillTwoPages(page);
    const beforeReload = new Date().toISOString();

    await page.reload();
    await page.getByRole('status').filter({ hasText: RESTORED }).waitFor();
    await waitForQuestion(page, 'consent', 'Можно ли с вами связаться?');
    await page.getByRole('button', { name: 'Назад' }).click();
    expect(await question(page, 'proposal').getByRole('textbox').inputValue()).toBe(PROPOSAL);
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByRole('status').filter({ hasText: 'Отправлено ✔' }).waitFor();

    const rows = storedResponses(databaseFileIn(suite.server.dataDir), { surveyId: 'example' }).filter(
      (row) => row.answers.proposal === PROPOSAL,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ locale: 'ru', region: 'KZ-10' });
    // startedAt is when the form was first opened, before the reload.
    expect(rows[0]!.startedAt! >= beforeOpening && rows[0]!.startedAt! < beforeReload).toBe(true);

    // The draft went with the send: a new visit starts empty, without the note.
    await page.reload();
    await waitForQuestion(page, 'region', 'Ваш регион');
    expect(await page.getByText(RESTORED).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('text still being typed (the field never left) is in the draft a moment later and survives a reload', async () => {
    const { page, pageErrors } = await russianPhone();
    await page.goto(`${suite.server.url}/s/example`);
    await waitForQuestion(page, 'region', 'Ваш регион');
    await pickFromList(question(page, 'region'), 'область Абай');
    await pickRadio(question(page, 'role'), 'Волонтёр');
    await page.getByRole('button', { name: 'Далее' }).click();
    await question(page, 'proposal').getByRole('textbox').pressSequentially('Нужны залы', { delay: 20 });
    await expect.poll(() => savedDrafts(page), { timeout: 5_000 }).toContain('Нужны залы');

    await page.reload();
    await page.getByRole('status').filter({ hasText: RESTORED }).waitFor();
    expect(await question(page, 'proposal').getByRole('textbox').inputValue()).toBe('Нужны залы');
    expect(pageErrors).toEqual([]);
  });

  test('"start over" asks first, then deletes the draft and opens an empty form', async () => {
    const { page, pageErrors } = await russianPhone();
    await fillTwoPages(page);
    await page.reload();
    await page.getByRole('status').filter({ hasText: RESTORED }).waitFor();

    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Начать заново' }).click();
    await waitForQuestion(page, 'consent', 'Можно ли с вами связаться?');

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe('Эти ответы будут удалены. Начать заново?');
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Начать заново' }).click();
    await waitForQuestion(page, 'region', 'Ваш регион');
    expect(await page.getByText(RESTORED).count()).toBe(0);
    expect(await question(page, 'role').getByRole('radio', { checked: true }).count()).toBe(0);

    await page.reload();
    await waitForQuestion(page, 'region', 'Ваш регион');
    expect(await page.getByText(RESTORED).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('an answer that arrives after the survey closed is refused in Russian, with the closing time, and can be saved to a file', async () => {
    const { page, pageErrors } = await russianPhone();
    await fillTwoPages(page);
    await suite.server.store.setSurveyClosed('example', true, new Date().toISOString());
    try {
      await page.getByRole('button', { name: 'Отправить' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'Ответ не принят' });
      await refusal.waitFor();
      expect(await refusal.innerText()).toMatch(
        /Этот опрос закрыт \(время закрытия: \d\d:\d\d\)\. Ответы, начатые до закрытия, принимались до \d\d:\d\d\./,
      );
      await refusal.getByText('Ваши ответы остались на этом телефоне').waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        refusal.getByRole('button', { name: 'Сохранить неотправленные ответы в файл' }).click(),
      ]);
      const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
      expect(file.waiting).toEqual([]);
      expect(file.refused).toHaveLength(1);
      expect(file.refused[0]).toMatchObject({
        surveyId: 'example',
        body: { data: { proposal: PROPOSAL } },
        problem: { status: 410, closedAt: expect.any(String) },
      });
      expect(pageErrors).toEqual([]);
    } finally {
      await suite.server.store.setSurveyClosed('example', false, new Date().toISOString());
    }
  });
});
