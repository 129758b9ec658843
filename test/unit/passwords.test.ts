// Password hashing: scrypt with stated parameters, a self-describing stored string, and checks that refuse.
import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  hashPassword,
  needsRehash,
  SCRYPT_PARAMS,
  verifyNothing,
  verifyPassword,
} from '../../server/domain/passwords';

describe('passwords', () => {
  it('stores scrypt$N$r$p$salt$hash with the stated parameters, a 16-byte salt and a 32-byte key', async () => {
    const stored = await hashPassword('Өңір-құпия-сөз 2024');
    const [scheme, N, r, p, salt, key, ...rest] = stored.split('$');
    expect(rest).toEqual([]);
    expect(scheme).toBe('scrypt');
    expect([Number(N), Number(r), Number(p)]).toEqual([SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p]);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
    expect(needsRehash(stored)).toBe(false);
  });

  it('verifies the right password, including Cyrillic and Kazakh letters', async () => {
    const stored = await hashPassword('Өңір-құпия-сөз 2024');
    expect(await verifyPassword('Өңір-құпия-сөз 2024', stored)).toBe(true);
  });

  it('refuses a wrong password, one differing only in case, and an empty one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('verifies hashes made with other parameters and flags them for re-hashing', async () => {
    const old = await hashPassword('an older password', { N: 2 ** 14, r: 8, p: 1 });
    expect(old.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('an older password', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('treats malformed or absurd stored hashes as no match instead of throwing or spending gigabytes', async () => {
    const good = await hashPassword('some password 1');
    const [, , , , salt, key] = good.split('$');
    for (const stored of [
      '',
      'plain',
      `argon2$1$2$3$${salt}$${key}`,
      `scrypt$1000$8$1$${salt}$${key}`,
      `scrypt$1048576$64$1$${salt}$${key}`,
      `scrypt$16384$8$1$${salt}`,
    ])
      expect(await verifyPassword('some password 1', stored)).toBe(false);
  });

  it('verifyNothing spends a real scrypt check and always answers false', async () => {
    const t0 = performance.now();
    await hashPassword('timing reference');
    const hashTime = performance.now() - t0;
    const t1 = performance.now();
    expect(await verifyNothing('anything at all')).toBe(false);
    // At least a third of a hash: a shortcut (no scrypt at all) would take well under a millisecond.
    expect(performance.now() - t1).toBeGreaterThan(hashTime / 3);
  });

  it('generates 24-character passwords that differ each time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
