// An admin working in Kazakh adds an analyst for Abai region (KZ-10) in the Users section and hands over the
// one-time password shown there; the analyst signs in with it, must choose their own password first, and then
// reads KZ-10 only. The admin disables the account and the analyst's open page stops working at its next request.
import { expect, test } from 'vitest';
import { ACCOUNT_STRINGS } from '../../client/workspace/account/strings';
import { EXPORT_STRINGS } from '../../client/workspace/exports/strings';
import { SHELL_STRINGS } from '../../client/workspace/strings';
import { USERS_STRINGS } from '../../client/workspace/users/strings';
import { createUser } from '../support/auth';
import { screenshot } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { collect } from '../support/collect';

const ADMIN = { email: 'akimshi@example.kz', password: 'Semey-briefing-2023' };
const ANALYST = 'abai.talday@example.kz';
const OWN_PASSWORD = 'Abai-oblysy-talday-2024';
const kk = USERS_STRINGS.kk;
const account = ACCOUNT_STRINGS.kk;
const shell = SHELL_STRINGS.kk;

const suite = browserSuite({
  server: {},
  setup: (server) => createUser(server.store, { ...ADMIN, role: 'admin' }),
});

test('an admin adds a KZ-10 analyst who then reads only KZ-10, and disabling them ends their open session', async () => {
  const admin = await suite.signedIn(ADMIN, '/workspace', 'kk-KZ');
  await admin.page.getByRole('link', { name: kk.title, exact: true }).click();
  await admin.page.getByRole('heading', { name: kk.title, level: 1 }).waitFor();
  expect(new URL(admin.page.url()).pathname).toBe('/workspace/users');

  const form = admin.page.getByRole('form', { name: kk.addTitle });
  await form.getByLabel(kk.email).fill(ANALYST);
  await form.getByLabel(kk.role).selectOption({ label: shell.roles.analyst });
  await form.getByRole('radio', { name: kk.someRegions }).check();
  await form.getByRole('checkbox', { name: 'Абай облысы' }).check();
  await form.getByRole('button', { name: kk.add }).click();

  const shown = admin.page.getByRole('status').filter({ hasText: kk.oneTimeNote });
  await shown.getByRole('heading', { name: kk.oneTimeTitle(ANALYST) }).waitFor();
  const oneTime = (await shown.locator('code').innerText()).trim();
  expect(oneTime).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  const row = admin.page.getByRole('row', { name: new RegExp(ANALYST.replace('.', '\\.')) });
  expect(await row.innerText()).toContain('Абай облысы');
  expect(await row.innerText()).toContain(kk.status.mustChange);
  expect(await row.innerText()).toContain(kk.never);
  await screenshot(admin.page, 'users-kk');

  // The analyst, on a laptop of their own, signs in with the one-time password through the form.
  const analyst = await suite.laptop('kk-KZ');
  await analyst.page.goto(`${suite.server.url}/workspace/exports`);
  await analyst.page.getByLabel(shell.email).fill(ANALYST);
  await analyst.page.getByLabel(shell.password).fill(oneTime);
  await analyst.page.getByRole('button', { name: shell.signIn }).click();
  await analyst.page.getByRole('heading', { name: account.title }).waitFor();
  await analyst.page.getByText(account.mustIntro).waitFor();
  await analyst.page.getByLabel(account.currentOneTime).fill(oneTime);
  await analyst.page.getByLabel(account.fresh, { exact: true }).fill(OWN_PASSWORD);
  await analyst.page.getByLabel(account.repeat).fill(OWN_PASSWORD);
  await analyst.page.getByRole('button', { name: account.save }).click();

  // In: the export page lists Abai region alone to tick; the other 19 are folded away as out of reach.
  const exportsText = EXPORT_STRINGS.kk;
  await analyst.page.getByText(exportsText.otherRegions(19)).waitFor();
  const tickable = analyst.page.locator('.region-list').first().getByRole('checkbox');
  expect(await tickable.count()).toBe(1);
  expect(await analyst.page.locator('.region-list').first().innerText()).toContain('Абай облысы');
  const readable = await analyst.page.evaluate(async () => (await fetch('/api/session')).json());
  expect(readable).toEqual({ email: ANALYST, role: 'analyst', regions: ['KZ-10'] });
  await screenshot(analyst.page, 'users-kk-analyst-exports');

  // The admin sees the sign-in and disables the account.
  await admin.page.reload();
  const again = admin.page.getByRole('row', { name: new RegExp(ANALYST.replace('.', '\\.')) });
  expect(await again.innerText()).toContain(kk.status.active);
  expect(await again.innerText()).not.toContain(kk.never);
  admin.page.once('dialog', (dialog) => void dialog.accept());
  await again.getByRole('button', { name: `${kk.edit}: ${ANALYST}` }).click();
  await admin.page
    .getByRole('region', { name: kk.editTitle(ANALYST) })
    .getByRole('button', { name: kk.disable })
    .click();
  await admin.page
    .getByRole('row', { name: new RegExp(ANALYST.replace('.', '\\.')) })
    .getByText(kk.status.disabled)
    .waitFor();

  // The analyst's open page: the next thing they open answers 401 and the sign-in form says the session ended.
  await analyst.page.getByRole('link', { name: 'Нәтижелер', exact: true }).click();
  await analyst.page.getByText(shell.sessionEnded).waitFor();
  expect(await analyst.page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);

  const audit = (await collect(suite.server.store.iterateAudit({}))).map((e) => [e.actor, e.action]);
  expect(audit).toEqual(
    expect.arrayContaining([
      [ADMIN.email, 'user-created'],
      [ANALYST, 'password-changed'],
      [ADMIN.email, 'user-changed'],
    ]),
  );
  expect(admin.pageErrors).toEqual([]);
  expect(analyst.pageErrors).toEqual([]);
});
