// Store conformance, personal API tokens: both engines keep digests only, list a user's tokens newest first, let a
// token be used until it expires, is revoked or its owner is disabled, and note each use.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { ENGINES } from './engines';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

describe.each(ENGINES)('API tokens on $name', (engine) => {
  let store: AsyncStorePart;
  let owner: User;
  let other: User;
  beforeEach(async () => {
    store = await engine.open();
    const user = (email: string) => ({
      email,
      role: 'analyst' as const,
      regions: ['KZ-10'],
      passwordHash: 'scrypt$x',
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    owner = (await store.addUser(user('analyst@example.kz')))!;
    other = (await store.addUser(user('other@example.kz')))!;
  });
  afterEach(() => store.close());

  const add = (userId: number, name: string, createdAt: string, expiresAt = '2024-12-31T00:00:00.000Z') =>
    store.addApiToken({ userId, name, tokenSha256: digest(name), createdAt, expiresAt });

  it('adds tokens and lists a user’s own, newest first, without their digests', async () => {
    const first = await add(owner.id, 'pspp', '2024-02-01T00:00:00.000Z');
    expect(first).toEqual({
      id: first.id,
      userId: owner.id,
      name: 'pspp',
      createdAt: '2024-02-01T00:00:00.000Z',
      expiresAt: '2024-12-31T00:00:00.000Z',
      revokedAt: null,
      lastUsedAt: null,
    });
    const second = await add(owner.id, 'r-script', '2024-03-01T00:00:00.000Z');
    await add(other.id, 'theirs', '2024-03-02T00:00:00.000Z');
    expect(second.id).toBeGreaterThan(first.id);
    const listed = await store.listApiTokens(owner.id);
    expect(listed.map((t) => t.name)).toEqual(['r-script', 'pspp']);
    expect(JSON.stringify(listed)).not.toContain(digest('pspp'));
    expect(await store.listApiTokens(12345)).toEqual([]);
  });

  it('uses a token by its sha256 until it expires, noting when it was last used', async () => {
    const made = await add(owner.id, 'pspp', '2024-02-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z');
    expect(await store.useApiToken(digest('not issued'), '2024-03-01T00:00:00.000Z')).toBeUndefined();
    const used = await store.useApiToken(digest('pspp'), '2024-03-01T00:00:00.000Z');
    expect(used).toMatchObject({ id: made.id, userId: owner.id, name: 'pspp', lastUsedAt: null });
    // The token as it was found: its previous use.
    expect((await store.useApiToken(digest('pspp'), '2024-04-01T00:00:00.000Z'))?.lastUsedAt).toBe(
      '2024-03-01T00:00:00.000Z',
    );
    expect((await store.listApiTokens(owner.id))[0]!.lastUsedAt).toBe('2024-04-01T00:00:00.000Z');
    // At its expiry and after, refused, and the refusal is not noted as a use.
    expect(await store.useApiToken(digest('pspp'), '2024-06-01T00:00:00.000Z')).toBeUndefined();
    expect((await store.listApiTokens(owner.id))[0]!.lastUsedAt).toBe('2024-04-01T00:00:00.000Z');
  });

  it('stops a token whose owner is disabled', async () => {
    await add(owner.id, 'pspp', '2024-02-01T00:00:00.000Z');
    await add(other.id, 'admin-kept', '2024-02-01T00:00:00.000Z');
    await store.addUser({
      email: 'admin@example.kz',
      role: 'admin',
      regions: null,
      passwordHash: 'scrypt$x',
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    expect(await store.updateUser(owner.id, { disabled: true }, '2024-03-01T00:00:00.000Z')).toMatchObject({
      status: 'updated',
    });
    expect(await store.useApiToken(digest('pspp'), '2024-03-02T00:00:00.000Z')).toBeUndefined();
    expect(await store.useApiToken(digest('admin-kept'), '2024-03-02T00:00:00.000Z')).toBeDefined();
  });

  it('revokes only the owner’s own token, once, and a revoked token is refused but stays listed', async () => {
    const made = await add(owner.id, 'pspp', '2024-02-01T00:00:00.000Z');
    expect(await store.revokeApiToken(other.id, made.id, '2024-03-01T00:00:00.000Z')).toBe('not-found');
    expect(await store.revokeApiToken(owner.id, made.id + 100, '2024-03-01T00:00:00.000Z')).toBe('not-found');
    expect(await store.useApiToken(digest('pspp'), '2024-03-01T00:00:00.000Z')).toBeDefined();
    expect(await store.revokeApiToken(owner.id, made.id, '2024-03-02T00:00:00.000Z')).toBe('revoked');
    expect(await store.revokeApiToken(owner.id, made.id, '2024-03-03T00:00:00.000Z')).toBe('already');
    expect(await store.useApiToken(digest('pspp'), '2024-03-04T00:00:00.000Z')).toBeUndefined();
    expect(await store.listApiTokens(owner.id)).toEqual([
      expect.objectContaining({ id: made.id, revokedAt: '2024-03-02T00:00:00.000Z' }),
    ]);
  });
});
