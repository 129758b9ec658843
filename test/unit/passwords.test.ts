// Password hashing: scrypt with stated parameters, a self-describing stored string, and checks that refuse.
import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  generatePassword,
  hashPassword,
  needsRehash,
  SCRYPT_KEY_BYTES,
  SCRYPT_PARAMS,
  verifyNothing,
  verifyPassword,
} from '../../server/domain/passwords';

// Every scrypt derivation the code asks for, with its cost, passed on to the real one: a check that skipped the work
// shows here, whatever the machine's speed (a wall-clock comparison could not tell on a busy shared machine).
const scryptCalls = vi.hoisted(() => [] as { N: number; r: number; p: number; keyLength: number }[]);
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof Crypto>();
  const scrypt = (...args: Parameters<typeof real.scrypt>) => {
    const options = args[3] as Crypto.ScryptOptions;
    scryptCalls.push({ N: options.N!, r: options.r!, p: options.p!, keyLength: args[2] });
    return (real.scrypt as (...a: unknown[]) => void)(...args);
  };
  return { ...real, default: { ...real, scrypt }, scrypt };
});

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

  it("verifyNothing spends a real scrypt check at today's cost and always answers false", async () => {
    await verifyNothing('makes the decoy hash first');
    scryptCalls.length = 0;
    expect(await verifyNothing('anything at all')).toBe(false);
    // Exactly the work of checking a real password: one derivation with the parameters new hashes get.
    expect(scryptCalls).toEqual([{ ...SCRYPT_PARAMS, keyLength: SCRYPT_KEY_BYTES }]);
  });

  it('generates 24-character passwords that differ each time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
