// Token-bucket rate limit per client address. A briefing hall puts ~200 phones behind one NAT address, each
// sending one response in the same few minutes, so the defaults let a full hall burst through at once.
import type { RequestHandler } from 'express';
import { Problem } from './problem';

export interface RateLimit {
  /** Requests one address may send in a burst. */
  burst: number;
  /** Tokens returned per second, per address. */
  perSecond: number;
}

export function rateLimit({ burst, perSecond }: RateLimit, now: () => number = Date.now): RequestHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = now();
  return (req, _res, next) => {
    const t = now();
    // Forget full buckets now and then, so the map holds only recently active addresses.
    if (t - lastSweep > 60_000) {
      for (const [key, b] of buckets) if (b.tokens + ((t - b.at) / 1000) * perSecond >= burst) buckets.delete(key);
      lastSweep = t;
    }
    const key = req.ip ?? 'unknown';
    const bucket = buckets.get(key) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const wait = Math.ceil((1 - bucket.tokens) / perSecond);
      return next(
        new Problem('too-many-requests', `Too many requests from this address; try again in ${wait} s.`, undefined, {
          'Retry-After': String(wait),
        }),
      );
    }
    bucket.tokens -= 1;
    next();
  };
}
