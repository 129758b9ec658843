// Counts failed sign-ins per email and per client address in memory and locks a key for the rest of its window
// once it reaches its limit. In memory rather than in SQLite: a wrong password should not cost an fsync, and a
// restart forgetting the counts is acceptable (restarts are rare and made by the operator).
import { Problem } from './problem';

export interface LoginLimits {
  /** Failures allowed for one email within the window; guessing one account's password. */
  perEmail: number;
  /** Failures allowed from one address within the window; trying many accounts. Higher: an office shares a NAT. */
  perAddress: number;
  windowMs: number;
}

export const LOGIN_LIMITS: LoginLimits = { perEmail: 10, perAddress: 30, windowMs: 15 * 60_000 };

/** Beyond this many keys the oldest windows are forgotten, so a flood of made-up emails cannot grow memory. */
const MAX_KEYS = 100_000;

interface Window {
  start: number;
  failures: number;
}

export function createLoginThrottle(now: () => number, limits: LoginLimits = LOGIN_LIMITS) {
  const windows = new Map<string, Window>();

  const current = (key: string, t: number): Window | undefined => {
    const w = windows.get(key);
    if (w && t - w.start >= limits.windowMs) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };

  const lockedProblem = (who: string, w: Window, t: number) => {
    const seconds = Math.max(1, Math.ceil((w.start + limits.windowMs - t) / 1000));
    const minutes = Math.ceil(seconds / 60);
    return new Problem(
      'login-locked',
      `Too many failed sign-ins ${who}. Sign-in is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}; ` +
        'if you forgot your password, ask an admin to set a new one.',
      undefined,
      { 'Retry-After': String(seconds) },
    );
  };

  const keys = (address: string, email: string) =>
    [
      { key: `email:${email}`, limit: limits.perEmail, who: 'for this account' },
      { key: `address:${address}`, limit: limits.perAddress, who: 'from your network address' },
    ] as const;

  return {
    /**
     * Call before checking the password. Throws the 429 Problem when the email or address is locked; otherwise
     * counts the attempt as a failure up front, so that many attempts sent at once cannot all slip in before
     * the first one fails. `succeeded` takes the count back.
     */
    begin(address: string, email: string): void {
      const t = now();
      for (const { key, limit, who } of keys(address, email)) {
        const w = current(key, t);
        if (w && w.failures >= limit) throw lockedProblem(who, w, t);
      }
      for (const { key } of keys(address, email)) {
        const w = current(key, t) ?? { start: t, failures: 0 };
        w.failures += 1;
        windows.delete(key); // re-inserted last: Map order is then oldest activity first
        windows.set(key, w);
      }
      while (windows.size > MAX_KEYS) windows.delete(windows.keys().next().value!);
    },
    /** The account's count is cleared; the address keeps its other failures (one valid account must not reset them). */
    succeeded(address: string, email: string): void {
      windows.delete(`email:${email}`);
      const w = windows.get(`address:${address}`);
      if (w) w.failures = Math.max(0, w.failures - 1);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
