// Password hashing with node:crypto's scrypt, stored as a self-describing string so the cost can rise later
// without invalidating old hashes: `scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>`.
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * N = 2^16, r = 8, p = 1: 64 MiB and ~0.2 s per hash on the 2-core reference machine (measured: 2^15 ≈ 0.1 s,
 * 2^17 ≈ 0.4 s). OWASP's floor is 2^17; we take half of it so that four sign-ins at once (libuv's thread pool)
 * peak at 256 MiB instead of 512 MiB on a small server. The login throttle bounds guesses far below what the
 * cost alone would. Raising N later re-hashes each user's password at their next sign-in (needsRehash).
 */
export const SCRYPT_PARAMS = { N: 2 ** 16, r: 8, p: 1 } as const;
export const SCRYPT_KEY_BYTES = 32;
export const SCRYPT_SALT_BYTES = 16;

/** Stored parameters beyond these are refused, so that a corrupted or hostile row cannot make one check eat the server. */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;
const MAX_P = 16;

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  // scrypt needs about 128·N·r bytes; node's default maxmem (32 MiB) would refuse our N, so allow twice that.
  const maxmem = 2 * 128 * options.N! * options.r!;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(
  password: string,
  params: { N: number; r: number; p: number } = SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SCRYPT_SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_KEY_BYTES, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^[1-9]\d{0,7}$/.test(s) ? Number(s) : NaN)) as [
    number,
    number,
    number,
  ];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  const powerOfTwo = Number.isInteger(Math.log2(N));
  if (!powerOfTwo || N < 2 || !(128 * N * r <= MAX_MEMORY_BYTES) || !(p <= MAX_P)) return undefined;
  if (salt.length < 8 || key.length < 16 || key.length > 64) return undefined;
  return { N, r, p, salt, key };
}

/** True when the password matches; false for a wrong password or an unreadable stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed);
  // Same length by construction (derived to the stored key's length); timingSafeEqual needs that.
  return timingSafeEqual(key, parsed.key);
}

/** True when a stored hash was made with other parameters than today's, so it should be replaced after a sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return (
    !parsed ||
    parsed.N !== SCRYPT_PARAMS.N ||
    parsed.r !== SCRYPT_PARAMS.r ||
    parsed.p !== SCRYPT_PARAMS.p ||
    parsed.key.length !== SCRYPT_KEY_BYTES
  );
}

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('base64url')));

/** Makes the decoy hash ahead of time, so that the first unknown email is not the one slower answer. */
export function prepareDecoy(): void {
  void decoyHash();
}

/**
 * Spends the same scrypt work as a real check when the email is unknown, so response times do not tell which
 * emails have accounts. Always false.
 */
export async function verifyNothing(password: string): Promise<false> {
  await verifyPassword(password, await decoyHash());
  return false;
}

/** 24 characters from 18 random bytes (144 bits), for `users add` when no password is given. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Letters and digits nobody misreads on a screen or over the phone (no 0/O, 1/l/I). */
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time password an admin hands over (shown once, never stored in clear): 16 random characters in four groups,
 * about 79 bits, so it is as hard to guess as any chosen password while it lives; its user must replace it at once.
 */
export function oneTimePassword(): string {
  // randomInt, not a byte modulo 31: every character equally likely.
  const chars = Array.from({ length: 16 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
