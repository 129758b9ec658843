// The sign-in throttle on both engines: per-email and per-address failure windows, counted in the store before
// the password check, so that a burst (to one server or, on PostgreSQL, to two) cannot exceed the limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLoginThrottle, type LoginThrottle } from '../../server/domain/login-throttle';
import { Problem } from '../../server/domain/problem';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { ENGINES } from './engines';

const limits = { perEmail: 3, perAddress: 5, windowMs: 60_000 };

async function attempt(throttle: LoginThrottle, address: string, email: string): Promise<Problem | 'ok'> {
  try {
    await throttle.begin(address, email);
    return 'ok';
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
}

describe.each(ENGINES)('login throttle on $name', (engine) => {
  let store: AsyncStorePart;
  let t: number;
  let throttle: LoginThrottle;
  beforeEach(async () => {
    store = await engine.open();
    t = 0;
    throttle = createLoginThrottle(store, () => t, limits);
  });
  afterEach(() => store.close());

  it('locks an email after its limit of failures, from any address, until its window ends', async () => {
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      expect(await attempt(throttle, address, 'a@example.kz')).toBe('ok');
    t = 20_000;
    const locked = await attempt(throttle, '10.0.0.4', 'a@example.kz');
    expect(locked).toBeInstanceOf(Problem);
    expect((locked as Problem).status).toBe(429);
    expect((locked as Problem).detail).toMatch(/for this account/);
    expect((locked as Problem).headers['Retry-After']).toBe('40');
    t = 60_000;
    expect(await attempt(throttle, '10.0.0.4', 'a@example.kz')).toBe('ok');
  });

  it('locks an address that tries many emails, while other addresses go on', async () => {
    for (let i = 0; i < 5; i++) expect(await attempt(throttle, '10.0.0.9', `user${i}@example.kz`)).toBe('ok');
    const locked = (await attempt(throttle, '10.0.0.9', 'fresh@example.kz')) as Problem;
    expect(locked.detail).toMatch(/from your network address/);
    expect(await attempt(throttle, '10.0.0.10', 'fresh@example.kz')).toBe('ok');
  });

  it('a locked attempt counts against neither key: the other key keeps its own count', async () => {
    for (let i = 0; i < 3; i++) await attempt(throttle, '10.0.0.1', 'locked@example.kz');
    // Three refused attempts from the same address: had they counted, the address (3 + 3 of 5) would be locked.
    for (let i = 0; i < 3; i++)
      expect(await attempt(throttle, '10.0.0.1', 'locked@example.kz')).toBeInstanceOf(Problem);
    expect(await attempt(throttle, '10.0.0.1', 'other@example.kz')).toBe('ok');
    expect(await attempt(throttle, '10.0.0.1', 'other2@example.kz')).toBe('ok');
    expect(await attempt(throttle, '10.0.0.1', 'other3@example.kz')).toBeInstanceOf(Problem);
    // The address is locked now: its refused attempts leave the email's count as it was (0 of 3).
    for (let i = 0; i < 3; i++)
      expect(await attempt(throttle, '10.0.0.1', 'c@example.kz')).toBeInstanceOf(Problem);
    for (let i = 0; i < 3; i++) expect(await attempt(throttle, '10.0.0.2', 'c@example.kz')).toBe('ok');
  });

  it('counts attempts before the password is checked, so a burst sent at once cannot exceed the limit', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => attempt(throttle, '10.0.0.1', 'burst@example.kz')),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
  });

  it('a success clears the account’s failures but takes back only its own count from the address', async () => {
    for (let i = 0; i < 3; i++) await attempt(throttle, '10.0.0.1', 'b@example.kz');
    await throttle.succeeded('10.0.0.1', 'b@example.kz');
    // The email starts afresh: its 3 failures are forgotten.
    expect(await attempt(throttle, '10.0.0.2', 'b@example.kz')).toBe('ok');
    // The address had 3 of 5 and got 1 back: 3 more attempts pass (2 → 5), not 5.
    const more = [];
    for (const name of ['c', 'd', 'e', 'f'])
      more.push(await attempt(throttle, '10.0.0.1', `${name}@example.kz`));
    expect(more.map((o) => o === 'ok')).toEqual([true, true, true, false]);
  });
});

describe.each(ENGINES.filter((e) => e.openSecond))('login throttle across two servers on $name', (engine) => {
  let a: AsyncStorePart;
  let b: AsyncStorePart;
  beforeEach(async () => {
    a = await engine.open();
    b = await engine.openSecond!(a);
  });
  afterEach(async () => {
    await b.close();
    await a.close();
  });

  it('counts a burst spread over two servers together: the limit holds, not twice the limit', async () => {
    const onA = createLoginThrottle(a, () => 0, limits);
    const onB = createLoginThrottle(b, () => 0, limits);
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? onB : onA, `10.0.1.${i}`, 'shared@example.kz')),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    // The address limit too, over many emails.
    const fromOne = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? onB : onA, '10.0.2.1', `u${i}@example.kz`)),
    );
    expect(fromOne.filter((o) => o === 'ok')).toHaveLength(5);
  });
});
