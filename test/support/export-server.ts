// A server on the real surveys with the roadmap-needs fixtures posted and four signed-in accounts, for export tests.
import { createUser, signIn } from './auth';
import { BRIEFING, postFixtures, type Posted } from './export-fixtures';
import { REPO_SURVEYS, startServer, type TestServer } from './server';

export interface ExportWorld {
  server: TestServer;
  posted: Posted[];
  cookies: { admin: string; analyst: string; abai: string; author: string };
}

const PASSWORD = 'correct horse battery staple';

export async function startExportWorld(): Promise<ExportWorld> {
  let now = new Date('2023-09-01T00:00:00.000Z');
  const server = await startServer({ surveysDir: REPO_SURVEYS, clock: () => now });
  await server.store.addBriefing(BRIEFING, now.toISOString());
  const posted = await postFixtures(server.url, (iso) => (now = new Date(iso)));
  now = new Date('2023-10-01T09:00:00.000Z');
  const accounts = [
    { email: 'admin@example.kz', role: 'admin' },
    { email: 'analyst@example.kz', role: 'analyst' },
    { email: 'abai@example.kz', role: 'analyst', regions: ['KZ-10'] },
    { email: 'author@example.kz', role: 'author' },
  ] as const;
  for (const a of accounts)
    await createUser(server.store, {
      ...a,
      regions: 'regions' in a ? [...a.regions] : null,
      password: PASSWORD,
    });
  const [admin, analyst, abai, author] = await Promise.all(
    accounts.map((a) => signIn(server.url, a.email, PASSWORD)),
  );
  return { server, posted, cookies: { admin: admin!, analyst: analyst!, abai: abai!, author: author! } };
}
