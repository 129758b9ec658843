// The login throttle's failure counts (server/domain/login-throttle.ts), kept in the database so that every server
// sharing it counts the same attempts. Each member is one transaction: no read-then-write between servers.
export interface SignInKey {
  key: string;
  /** Failures this key may have in one window before it is locked. */
  limit: number;
}

/** A key that already had its limit of failures in its window; nothing was counted. */
export interface SignInLocked {
  key: string;
  /** When its window started (ms since the epoch); it ends `windowMs` later. */
  windowStart: number;
}

export interface SignInStore {
  /**
   * Counts one failed sign-in against every key at once, each in a window that starts at its first failure and
   * lasts `windowMs`. When a key had already reached its limit in its window, none of the keys is counted and that
   * key comes back.
   */
  countSignInFailure(
    keys: readonly SignInKey[],
    now: number,
    windowMs: number,
  ): Promise<SignInLocked | undefined>;
  /** After a successful sign-in: `cleared`'s count goes, `takenBack` loses one failure (to no less than 0). */
  forgiveSignIn(cleared: string, takenBack: string): Promise<void>;
}
