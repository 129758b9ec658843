// An analyst limited to Abai region signs in to the workspace in Kazakh on a laptop and downloads Abai's CSV:
// only KZ-10 is offered, the file has a BOM and exactly the KZ-10 rows posted, and no English is left on the page.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { EXPORT_STRINGS } from '../../client/workspace/exports/strings';
import { SHELL_STRINGS } from '../../client/workspace/strings';
import { envelope, postResponse } from '../support/answers';
import { createUser } from '../support/auth';
import { browserSuite } from '../support/browser-suite';
import { parseCsv } from '../support/export-download';
import { REPO_SURVEYS } from '../support/server';

const ANALYST = { email: 'talday@example.kz', password: 'Semey-briefing-2023' };

const posted = { 'KZ-10': [] as string[], 'KZ-55': [] as string[] };

const suite = browserSuite({
  server: { surveysDir: REPO_SURVEYS },
  setup: async (server) => {
    await createUser(server.store, { ...ANALYST, role: 'analyst', regions: ['KZ-10'] });
    // Six for Abai (above the small-cell threshold of 5, so its count shows), two for Pavlodar that must not leak.
    const answers = [
      ...['akimat', 'ngo_staff', 'volunteer', 'student', 'akimat'].map((role) => ({
        version: 2,
        region: 'KZ-10',
        role,
      })),
      { version: 1, region: 'KZ-10', role: 'student' },
      { version: 2, region: 'KZ-55', role: 'ngo_staff' },
      { version: 1, region: 'KZ-55', role: 'akimat' },
    ];
    for (const { version, region, role } of answers) {
      const body = envelope({ version }, { region, role });
      const res = await postResponse(server.url, body, 'roadmap-needs');
      expect(res.status, res.text).toBe(201);
      posted[region as keyof typeof posted].push(body.id as string);
    }
  },
});

/** The workspace's own English words (shell and export page) where Kazakh says something else. */
const ENGLISH = (() => {
  const [kk, en] = [
    { ...SHELL_STRINGS.kk, ...EXPORT_STRINGS.kk },
    { ...SHELL_STRINGS.en, ...EXPORT_STRINGS.en },
  ];
  const texts = (strings: object): string[] =>
    Object.values(strings).flatMap((value: unknown) =>
      typeof value === 'string' ? [value] : typeof value === 'object' && value ? texts(value) : [],
    );
  const kkTexts = new Set(texts(kk));
  return [
    ...texts(en),
    en.version(1),
    en.selectedRegions(1, 1),
    en.otherRegions(19),
    en.tooManyAttempts(15),
  ].filter((text) => !kkTexts.has(text));
})();

/** English strings of ours on the page (text, placeholders, labels), the language switch's «English» aside. */
async function englishLeft(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('.locale-switch') || ['SCRIPT', 'STYLE'].includes(element.tagName)) continue;
      for (const node of element.childNodes)
        if (node.nodeType === Node.TEXT_NODE) found.push(node.textContent ?? '');
      for (const attribute of ['placeholder', 'title', 'aria-label'])
        found.push(element.getAttribute(attribute) ?? '');
    }
    return found.join('\n');
  });
  return ENGLISH.filter((text) => shown.includes(text));
}

test('a KZ-10 analyst signs in in Kazakh and downloads a per-region CSV with only Abai rows', async () => {
  const { page, pageErrors } = await suite.laptop('kk-KZ', { acceptDownloads: true });
  await page.goto(`${suite.server.url}/workspace`);

  // The sign-in form speaks Kazakh from the browser's language; a wrong password is refused in Kazakh.
  await page.getByRole('heading', { name: 'Жұмыс кеңістігіне кіру' }).waitFor();
  expect(await englishLeft(page)).toEqual([]);
  await page.getByLabel('Электрондық пошта').fill(ANALYST.email);
  await page.getByLabel('Құпиясөз').fill('not-the-password');
  await page.getByRole('button', { name: 'Кіру' }).click();
  await page.getByText('Электрондық пошта немесе құпиясөз қате.').waitFor();
  await page.getByLabel('Құпиясөз').fill(ANALYST.password);
  await page.getByRole('button', { name: 'Кіру' }).click();

  // /workspace opens the first section this role may use: the export page, with the user in the top bar.
  await page.getByRole('heading', { name: 'Жауаптарды жүктеп алу' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/workspace/exports');
  expect(await page.getByRole('link', { name: 'Деректерді жүктеп алу' }).getAttribute('aria-current')).toBe(
    'page',
  );
  await page.getByText(ANALYST.email).waitFor();
  await page.getByText('талдаушы', { exact: true }).waitFor();

  await page.getByLabel('Сауалнама').selectOption('roadmap-needs');
  await expect.poll(() => new URL(page.url()).searchParams.get('survey')).toBe('roadmap-needs');

  // Only Abai can be ticked; the other 19 regions are listed, folded away and disabled.
  const abai = page.getByRole('checkbox', { name: 'Абай облысы' });
  await abai.waitFor();
  expect(await abai.isChecked()).toBe(true);
  expect(await abai.isEnabled()).toBe(true);
  await page.getByText('Тіркелгіңізге қолжетімсіз басқа өңірлер (19)').click();
  const enabled = page.locator('input[name="region"]:not([disabled])');
  expect(await enabled.count()).toBe(1);
  expect(await page.locator('input[name="region"]').count()).toBe(20);
  expect(await page.getByRole('checkbox', { name: 'Павлодар облысы' }).isDisabled()).toBe(true);
  // Abai's count comes from the coverage API.
  await expect.poll(() => page.locator('li', { has: abai }).locator('.region-count').innerText()).toBe('6');

  // Labels in Kazakh: the choice goes into the address (a shareable link) and survives a reload.
  await page.getByRole('radio', { name: 'Қазақша мәтін' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('labels')).toBe('kk');
  await page.reload();
  await page.getByRole('heading', { name: 'Жауаптарды жүктеп алу' }).waitFor();
  expect(await page.getByRole('radio', { name: 'Қазақша мәтін' }).isChecked()).toBe(true);
  expect(await englishLeft(page)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'CSV жүктеп алу' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^roadmap-needs_KZ-10_labels-kk_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const { header, rows } = parseCsv(bytes);
  expect(header.slice(0, 8)).toEqual([
    'response_id',
    'survey',
    'version',
    'submitted_at',
    'locale',
    'region',
    'region_name',
    'briefing',
  ]);
  expect(rows.map((r) => r.response_id).sort()).toEqual([...posted['KZ-10']].sort());
  expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['KZ-10']));
  expect(new Set(rows.map((r) => r.region_name))).toEqual(new Set(['Абай облысы']));
  expect(pageErrors).toEqual([]);
});
