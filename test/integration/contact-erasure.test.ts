// Personal-data erasure on request (issue 16, Kazakhstan's personal-data law): an admin erases the contact details
// of one response; its other answers, the counts and the default CSV stay as they were, the personal-data export
// no longer holds them, the workspace says when they were erased, and the audit log has the erasure (no values).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, signIn } from '../support/auth';
import { download, parseCsv } from '../support/export-download';
import { expectProblem, problemFields } from '../support/problem';
import { startServer, type TestServer } from '../support/server';
import { collect } from '../support/collect';

const PASSWORD = 'correct horse battery staple';
const BASE = '/api/surveys/example';
let server: TestServer;
let admin = '';
let abai = '';
const ids: string[] = [];

beforeAll(async () => {
  server = await startServer();
  for (let i = 0; i < 6; i++) {
    const r = await postResponse(
      server.url,
      envelope(
        {},
        exampleAnswers({ consent: true, email: `person${i}@example.kz`, proposal: `ұсыныс ${i}` }),
      ),
    );
    expect(r.status, r.text).toBe(201);
    ids.push(r.json!.id as string);
  }
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  await createUser(server.store, {
    email: 'abai@example.kz',
    role: 'analyst',
    regions: ['KZ-10'],
    password: PASSWORD,
  });
  admin = await signIn(server.url, 'admin@example.kz', PASSWORD);
  abai = await signIn(server.url, 'abai@example.kz', PASSWORD);
});
afterAll(() => server.close());

const erase = (cookie: string, id: string) =>
  fetchAs(server.url, cookie, `/api/responses/${id}/contacts`, { method: 'DELETE' });
const withContacts = async () =>
  parseCsv((await download(server.url, admin, `${BASE}/export.csv?pii=1`)).body).rows.find(
    (r) => r.response_id === ids[2],
  )!;

describe('erasing contact details', () => {
  it('takes the contact details of one response away and leaves its answers, counts and CSV as they were', async () => {
    const before = await withContacts();
    expect(before.email).toBe('person2@example.kz');
    const csvBefore = (await download(server.url, admin, `${BASE}/export.csv`)).body;
    const summaryBefore = await (await fetchAs(server.url, admin, `${BASE}/summary`)).json();
    const detail = await (await fetchAs(server.url, admin, `/api/responses/${ids[2]}`)).json();
    expect(detail.contacts).toEqual({ kept: true, erasedAt: null });
    expect(JSON.stringify(detail)).not.toContain('person2@example.kz');

    const res = await erase(admin, ids[2]!);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: ids[2], erased: true });

    const after = await withContacts();
    expect(after.email).toBe('');
    expect({ ...after, email: 'x' }).toEqual({ ...before, email: 'x' });
    // A neighbour keeps its own.
    const rows = parseCsv((await download(server.url, admin, `${BASE}/export.csv?pii=1`)).body).rows;
    expect(rows.find((r) => r.response_id === ids[3])!.email).toBe('person3@example.kz');
    expect((await download(server.url, admin, `${BASE}/export.csv`)).body).toEqual(csvBefore);
    expect(await (await fetchAs(server.url, admin, `${BASE}/summary`)).json()).toEqual(summaryBefore);
    const detailAfter = await (await fetchAs(server.url, admin, `/api/responses/${ids[2]}`)).json();
    expect(detailAfter.contacts).toEqual({ kept: false, erasedAt: body.erasedAt });
    expect(detailAfter.answers.proposal).toBe('ұсыныс 2');
  });

  it('says so when asked again, and keeps the first erasure’s time', async () => {
    const first = (await (await fetchAs(server.url, admin, `/api/responses/${ids[2]}`)).json()).contacts
      .erasedAt;
    const again = await (await erase(admin, ids[2]!)).json();
    expect(again).toEqual({ id: ids[2], erased: false, erasedAt: first });
  });

  it('is for admins only; bad ids get problem+json', async () => {
    await expectProblem(await erase(abai, ids[3]!), 403);
    await expectProblem(await erase(admin, '00000000-0000-4000-8000-000000000000'), 404);
    expect(problemFields(await expectProblem(await erase(admin, 'nope'), 400))).toEqual(['id']);
    const rows = parseCsv((await download(server.url, admin, `${BASE}/export.csv?pii=1`)).body).rows;
    expect(rows.find((r) => r.response_id === ids[3])!.email).toBe('person3@example.kz');
  });

  it('is in the audit log, without the erased values', async () => {
    const entries = await collect(server.store.iterateAudit({ action: 'contacts-erased' }));
    expect(entries.map((e) => [e.actor, e.details])).toEqual([
      ['admin@example.kz', { response: ids[2], erased: true }],
      ['admin@example.kz', { response: ids[2], erased: false }],
    ]);
    expect(JSON.stringify(entries)).not.toContain('@example.kz"}');
  });
});
