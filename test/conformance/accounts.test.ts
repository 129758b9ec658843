// Store conformance, accounts, sessions, the audit log and published versions: the same answers from both engines.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewUser } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { ENGINES } from './engines';

const user = (email: string, overrides: Partial<NewUser> = {}): NewUser => ({
  email,
  role: 'admin',
  regions: null,
  passwordHash: `scrypt$hash-of-${email}`,
  createdAt: '2024-01-01T00:00:00.000Z',
  ...overrides,
});

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe.each(ENGINES)('accounts, sessions, audit log and versions on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open();
  });
  afterEach(() => store.close());

  it('adds users once per email whatever its letter case, and finds them by id and by email', async () => {
    const a = await store.addUser(user('aigul@example.kz'));
    expect(a).toMatchObject({
      email: 'aigul@example.kz',
      role: 'admin',
      regions: null,
      mustChangePassword: false,
    });
    expect(await store.addUser(user('AIGUL@example.kz'))).toBeUndefined();
    const b = await store.addUser(
      user('analyst@example.kz', { role: 'analyst', regions: ['KZ-10', 'KZ-11'], mustChangePassword: true }),
    );
    expect(await store.countUsers()).toBe(2);
    expect(await store.getUser(b!.id)).toEqual(b);
    expect((await store.getUserCredentials('analyst@example.kz'))?.passwordHash).toBe(
      'scrypt$hash-of-analyst@example.kz',
    );
    expect((await store.listUsers()).map((u) => u.email)).toEqual(['aigul@example.kz', 'analyst@example.kz']);
    expect(b).toMatchObject({ regions: ['KZ-10', 'KZ-11'], mustChangePassword: true, lastSignInAt: null });
  });

  it('keeps the last enabled admin, and ends sessions on a new password except the one kept', async () => {
    const admin = (await store.addUser(user('admin@example.kz')))!;
    expect(await store.updateUser(admin.id, { role: 'analyst' }, '2024-01-02T00:00:00.000Z')).toEqual({
      status: 'last-admin',
    });
    expect(await store.updateUser(admin.id, { disabled: true }, '2024-01-02T00:00:00.000Z')).toEqual({
      status: 'last-admin',
    });
    expect((await store.getUser(admin.id))?.role).toBe('admin');
    expect(await store.updateUser(9999, { role: 'author' }, 'now')).toEqual({ status: 'not-found' });
    const session = (id: string) => ({
      id,
      userId: admin.id,
      createdAt: '2024-01-02T00:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    await store.addSession(session('s-this'));
    await store.addSession(session('s-other'));
    const outcome = await store.updateUser(
      admin.id,
      { passwordHash: 'scrypt$new', mustChangePassword: true },
      '2024-01-03T00:00:00.000Z',
      's-this',
    );
    expect(outcome).toMatchObject({ status: 'updated', user: { mustChangePassword: true } });
    expect((await store.getActiveSession('s-this'))?.user.email).toBe('admin@example.kz');
    expect(await store.getActiveSession('s-other')).toBeUndefined();
  });

  it('ends every session of a disabled user, and a revoked one at once; touching moves last seen', async () => {
    await store.addUser(user('admin@example.kz'));
    const analyst = (await store.addUser(user('a@example.kz', { role: 'analyst' })))!;
    await store.addSession({
      id: 's1',
      userId: analyst.id,
      createdAt: '2024-01-02T00:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    await store.touchSession('s1', '2024-01-02T01:00:00.000Z');
    expect(await store.getActiveSession('s1')).toMatchObject({
      id: 's1',
      lastSeenAt: '2024-01-02T01:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    await store.updateUser(analyst.id, { disabled: true }, '2024-01-03T00:00:00.000Z');
    expect(await store.getActiveSession('s1')).toBeUndefined();
    await store.updateUser(analyst.id, { disabled: false }, '2024-01-04T00:00:00.000Z');
    expect(await store.getActiveSession('s1')).toBeUndefined();
    await store.addSession({
      id: 's2',
      userId: analyst.id,
      createdAt: '2024-01-04T00:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    await store.revokeSession('s2', '2024-01-04T00:01:00.000Z');
    expect(await store.getActiveSession('s2')).toBeUndefined();
    await store.recordSignIn(analyst.id, '2024-01-04T00:00:00.000Z');
    expect((await store.getUser(analyst.id))?.lastSignInAt).toBe('2024-01-04T00:00:00.000Z');
  });

  it('appends to the audit log and reads it back in time order by time, actor (any case) and action', async () => {
    const entry = (at: string, actor: string | null, action: 'sign-in' | 'export') => ({
      at,
      actor,
      action,
      address: '10.0.0.1',
      details: { filters: { region: 'KZ-10' } },
    });
    await store.recordAudit(entry('2024-01-02T00:00:00.000Z', 'b@example.kz', 'export'));
    await store.recordAudit(entry('2024-01-01T00:00:00.000Z', 'a@example.kz', 'sign-in'));
    await store.recordAudit(entry('2024-01-03T00:00:00.000Z', null, 'sign-in'));
    const all = await collect(store.iterateAudit());
    expect(all.map((e) => e.at)).toEqual([
      '2024-01-01T00:00:00.000Z',
      '2024-01-02T00:00:00.000Z',
      '2024-01-03T00:00:00.000Z',
    ]);
    expect(all[1]).toMatchObject({ actor: 'b@example.kz', details: { filters: { region: 'KZ-10' } } });
    expect(await collect(store.iterateAudit({ actor: 'A@EXAMPLE.KZ' }))).toHaveLength(1);
    expect(
      await collect(store.iterateAudit({ action: 'sign-in', since: '2024-01-02T00:00:00.000Z' })),
    ).toEqual([expect.objectContaining({ at: '2024-01-03T00:00:00.000Z', actor: null })]);
    expect(await collect(store.iterateAudit({ until: '2024-01-02T00:00:00.000Z' }))).toHaveLength(1);
  });

  it('freezes published versions: a changed hash is reported and nothing of that call is recorded', async () => {
    expect(await store.publishVersions([{ surveyId: 's', version: 1, sha256: 'abc' }], 'T1')).toEqual([]);
    const conflicts = await store.publishVersions(
      [
        { surveyId: 's', version: 2, sha256: 'new' },
        { surveyId: 's', version: 1, sha256: 'changed' },
      ],
      'T2',
    );
    expect(conflicts).toEqual([
      { surveyId: 's', version: 1, sha256: 'changed', recordedSha256: 'abc', publishedAt: 'T1' },
    ]);
    expect(await store.publishedVersion('s', 2)).toBeUndefined();
    expect(await store.publishedVersion('s', 1)).toEqual({ sha256: 'abc', publishedAt: 'T1' });
  });

  it('publishes a definition from the workspace once per number, beside a file-published version', async () => {
    await store.publishVersions([{ surveyId: 's', version: 1, sha256: 'file' }], 'T1');
    const definition = (version: number, title: string) => ({
      surveyId: 's',
      version,
      sha256: `sha-${version}-${title}`,
      definition: { title, pages: [] },
      publishedAt: 'T2',
      publishedBy: 'admin@example.kz',
    });
    expect(await store.publishDefinition(definition(1, 'taken by the file'))).toBe(false);
    expect(await store.publishDefinition(definition(2, 'Сауалнама'))).toBe(true);
    expect(await store.publishDefinition(definition(2, 'second admin, same number'))).toBe(false);
    expect(await store.countPublishedDefinitions()).toBe(1);
    expect(await store.listPublishedDefinitions()).toEqual([definition(2, 'Сауалнама')]);
    expect(await store.publishedVersion('s', 2)).toEqual({ sha256: 'sha-2-Сауалнама', publishedAt: 'T2' });
  });

  it('closes and opens a survey, telling the one call that changed it', async () => {
    expect(await store.isSurveyClosed('s')).toBe(false);
    expect(await store.setSurveyClosed('s', true, '2024-05-01T00:00:00.000Z')).toBe(true);
    expect(await store.setSurveyClosed('s', true, '2024-06-01T00:00:00.000Z')).toBe(false);
    expect(await store.surveyClosedAt('s')).toBe('2024-05-01T00:00:00.000Z');
    expect(await store.setSurveyClosed('s', false, 'now')).toBe(true);
    expect(await store.setSurveyClosed('s', false, 'now')).toBe(false);
    expect(await store.isSurveyClosed('s')).toBe(false);
    expect(await store.surveyClosedAt('s')).toBeUndefined();
    // Many at once (on PostgreSQL, over the pool's connections): exactly one closes it.
    const calls = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.setSurveyClosed('s', true, `2024-07-0${i + 1}T00:00:00.000Z`),
      ),
    );
    expect(calls.filter(Boolean)).toHaveLength(1);
  });

  it('reports itself ready: a committed write and every migration applied', async () => {
    expect(await store.probeReadiness('2024-01-01T00:00:00.000Z')).toEqual({
      writeError: null,
      missingMigrations: [],
    });
  });
});
