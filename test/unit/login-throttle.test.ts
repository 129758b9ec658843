// The sign-in throttle: per-email and per-address failure windows, counted before the password check.
import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../server/domain/login-throttle';
import { Problem } from '../../server/domain/problem';

const limits = { perEmail: 3, perAddress: 5, windowMs: 60_000 };

function attempt(
  throttle: ReturnType<typeof createLoginThrottle>,
  address: string,
  email: string,
): Problem | 'ok' {
  try {
    throttle.begin(address, email);
    return 'ok';
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
}

describe('login throttle', () => {
  it('locks an email after its limit of failures, from any address, until its window ends', () => {
    let t = 0;
    const throttle = createLoginThrottle(() => t, limits);
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      expect(attempt(throttle, address, 'a@example.kz')).toBe('ok');
    t = 20_000;
    const locked = attempt(throttle, '10.0.0.4', 'a@example.kz');
    expect(locked).toBeInstanceOf(Problem);
    expect((locked as Problem).status).toBe(429);
    expect((locked as Problem).headers['Retry-After']).toBe('40');
    t = 60_000;
    expect(attempt(throttle, '10.0.0.4', 'a@example.kz')).toBe('ok');
  });

  it('locks an address that tries many emails, while other addresses go on', () => {
    const throttle = createLoginThrottle(() => 0, limits);
    for (let i = 0; i < 5; i++) expect(attempt(throttle, '10.0.0.9', `user${i}@example.kz`)).toBe('ok');
    const locked = attempt(throttle, '10.0.0.9', 'fresh@example.kz') as Problem;
    expect(locked.detail).toMatch(/from your network address/);
    expect(attempt(throttle, '10.0.0.10', 'fresh@example.kz')).toBe('ok');
  });

  it('counts attempts before the password is checked, so a burst sent at once cannot exceed the limit', () => {
    const throttle = createLoginThrottle(() => 0, limits);
    const outcomes = Array.from({ length: 10 }, () => attempt(throttle, '10.0.0.1', 'burst@example.kz'));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
  });

  it('a success clears the account’s failures but takes back only its own count from the address', () => {
    const throttle = createLoginThrottle(() => 0, limits);
    attempt(throttle, '10.0.0.1', 'b@example.kz');
    attempt(throttle, '10.0.0.1', 'b@example.kz');
    attempt(throttle, '10.0.0.1', 'b@example.kz');
    throttle.succeeded('10.0.0.1', 'b@example.kz');
    // The email starts afresh: its 3 failures are forgotten.
    expect(attempt(throttle, '10.0.0.2', 'b@example.kz')).toBe('ok');
    // The address had 3 of 5 and got 1 back: 3 more attempts pass (2 → 5), not 5.
    const more = ['c', 'd', 'e', 'f'].map((name) => attempt(throttle, '10.0.0.1', `${name}@example.kz`));
    expect(more.map((o) => o === 'ok')).toEqual([true, true, true, false]);
  });
});
