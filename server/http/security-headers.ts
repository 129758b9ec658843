// Security headers on every reply, the Express routes' and the ingest fast path's alike: nothing loads from another
// origin (the app works offline anyway), no framing, no sniffing, no referrer; HSTS when PUBLIC_URL is https.
import type { RequestHandler } from 'express';
import type { AppConfig } from './deps';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // SurveyJS sets inline style attributes for layout (widths, progress bar).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The respondent page's service worker and manifest, if any, come from this origin only.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // The pages use none of these; a script injected anyway cannot ask for them.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/**
 * The headers for this deployment. HSTS only when the public address is https: sent over plain http it would be
 * ignored by browsers at best, and would lock a test server's name to https at worst.
 */
export function securityHeadersFor(config: Pick<AppConfig, 'publicUrl'>): Readonly<Record<string, string>> {
  if (!config.publicUrl?.startsWith('https:')) return SECURITY_HEADERS;
  return { ...SECURITY_HEADERS, 'Strict-Transport-Security': 'max-age=31536000' };
}

export function securityHeaders(config: Pick<AppConfig, 'publicUrl'>): RequestHandler {
  const headers = securityHeadersFor(config);
  return (_req, res, next) => {
    res.set(headers);
    next();
  };
}
