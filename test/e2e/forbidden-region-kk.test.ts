// Point 9 of the briefing day: an analyst limited to Abai opens a colleague's link for Pavlodar. Each section says
// in Kazakh why the data is not shown and offers no Retry (which could never work), instead of "could not load".
import { expect, test } from 'vitest';
import { createUser } from '../support/auth';
import { browserSuite } from '../support/browser-suite';
import { FIXTURE_SURVEYS } from '../support/server';

const ANALYST = { email: 'abai-analyst@example.kz', password: 'Birgemiz-2024-jyl' };
const WHY = 'есептік жазбаңыз тек өз өңірлеріңіздің жауаптарын көреді';

const suite = browserSuite({
  server: { surveysDir: FIXTURE_SURVEYS },
  setup: (server) => createUser(server.store, { ...ANALYST, role: 'analyst', regions: ['KZ-10'] }),
});

test('an Abai analyst on a Pavlodar link sees in Kazakh why, with no Retry, on the dashboard', async () => {
  const { page, pageErrors } = await suite.signedIn(ANALYST, '/workspace', 'kk-KZ');
  for (const section of ['dashboard']) {
    await page.goto(`${suite.server.url}/workspace/${section}?survey=example&region=KZ-55`);
    const alert = page.getByRole('alert').filter({ hasText: WHY });
    await alert.waitFor();
    expect(await alert.getByRole('button').count(), `${section}: no Retry`).toBe(0);
    expect(await page.getByText('Деректерді алу мүмкін болмады').count(), section).toBe(0);
  }
  expect(pageErrors).toEqual([]);
});
