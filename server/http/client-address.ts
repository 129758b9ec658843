// Who is on the other end, for rate limits, the sign-in throttle and the audit log: the socket's peer, or, behind
// TRUST_PROXY reverse proxies, the address the nearest untrusted hop reported. Express's `trust proxy` is set from
// the same rule, so the ingest fast path (no Express) and the Express routes agree on every request.
import type { IncomingMessage } from 'node:http';

/** X-Forwarded-For entries longer than this are not addresses; cut so that a bucket key cannot be a megabyte. */
const MAX_ADDRESS_LENGTH = 64;

/**
 * Express's "trust proxy" as a function of (address, hop): the socket's peer is hop 0, then the X-Forwarded-For
 * entries from right to left. With n proxies in front, hops 0 … n−1 are those proxies and are trusted.
 */
export const trustProxyHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/**
 * The same walk as Express's req.ip (proxy-addr) with trustProxyHops: the address `hops` steps back along the
 * chain, or the farthest one the chain holds. With 0 hops X-Forwarded-For is ignored, so a client cannot choose its
 * own rate-limit bucket by sending one.
 */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (hops === 0) return peer;
  // Node joins repeated X-Forwarded-For headers with ", ", as one list.
  const raw = req.headers['x-forwarded-for'] ?? '';
  const forwarded = (Array.isArray(raw) ? raw.join(',') : raw)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .reverse();
  const chain = [peer, ...forwarded];
  return chain[Math.min(hops, chain.length - 1)]!.slice(0, MAX_ADDRESS_LENGTH);
}
