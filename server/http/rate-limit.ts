// Token-bucket rate limit per client address. A briefing hall puts ~200 phones behind one NAT address, each
// sending one response in the same few minutes, so the defaults let a full hall burst through at once.
import { Problem } from '../domain/problem';

export interface RateLimit {
  /** Requests one address may send in a burst. */
  burst: number;
  /** Tokens returned per second, per address. */
  perSecond: number;
}

/** Returns a function that takes one token for an address, or gives the 429 Problem to answer with. */
export function createRateLimiter({ burst, perSecond }: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = now();
  return (address: string): Problem | undefined => {
    const t = now();
    // Forget full buckets now and then, so the map holds only recently active addresses.
    if (t - lastSweep > 60_000) {
      for (const [key, b] of buckets)
        if (b.tokens + ((t - b.at) / 1000) * perSecond >= burst) buckets.delete(key);
      lastSweep = t;
    }
    const bucket = buckets.get(address) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    buckets.set(address, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    const wait = Math.ceil((1 - bucket.tokens) / perSecond);
    return new Problem(
      'too-many-requests',
      `Too many requests from this address; try again in ${wait} s.`,
      undefined,
      {
        'Retry-After': String(wait),
      },
    );
  };
}
