// Counts failed sign-ins per email and per client address and locks a key for the rest of its window once it
// reaches its limit. The counts live in the store (sign_in_failures), not in this process: several servers behind
// one proxy then count an attacker's attempts together instead of giving each server a fresh allowance.
import type { SignInStore } from '../store';
import { Problem } from './problem';

export interface LoginLimits {
  /** Failures allowed for one email within the window; guessing one account's password. */
  perEmail: number;
  /** Failures allowed from one address within the window; trying many accounts. Higher: an office shares a NAT. */
  perAddress: number;
  windowMs: number;
}

export const LOGIN_LIMITS: LoginLimits = { perEmail: 10, perAddress: 30, windowMs: 15 * 60_000 };

const emailKey = (email: string) => `email:${email}`;
const addressKey = (address: string) => `address:${address}`;

export function createLoginThrottle(
  store: SignInStore,
  now: () => number,
  limits: LoginLimits = LOGIN_LIMITS,
) {
  const lockedProblem = (who: string, windowStart: number, t: number) => {
    const seconds = Math.max(1, Math.ceil((windowStart + limits.windowMs - t) / 1000));
    const minutes = Math.ceil(seconds / 60);
    return new Problem(
      'login-locked',
      `Too many failed sign-ins ${who}. Sign-in is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}; ` +
        'if you forgot your password, ask an admin to set a new one.',
      undefined,
      { 'Retry-After': String(seconds) },
    );
  };

  return {
    /**
     * Call before checking the password. Throws the 429 Problem when the email or address is locked; otherwise
     * counts the attempt as a failure up front, so that many attempts sent at once (to one server or several)
     * cannot all slip in before the first one fails. `succeeded` takes the count back.
     */
    async begin(address: string, email: string): Promise<void> {
      const t = now();
      // Email first, then address: the order every server counts in (store-pg/sign-in-failures.ts).
      const locked = await store.countSignInFailure(
        [
          { key: emailKey(email), limit: limits.perEmail },
          { key: addressKey(address), limit: limits.perAddress },
        ],
        t,
        limits.windowMs,
      );
      if (locked)
        throw lockedProblem(
          locked.key === emailKey(email) ? 'for this account' : 'from your network address',
          locked.windowStart,
          t,
        );
    },
    /** The account's count is cleared; the address keeps its other failures (one valid account must not reset them). */
    async succeeded(address: string, email: string): Promise<void> {
      await store.forgiveSignIn(emailKey(email), addressKey(address));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
