// Which requests the service worker answers, and how: the page shell, the respondent page's own hashed files,
// and the public survey API. Everything else (POSTs, /workspace, /api/session, exports) goes by untouched.

export type SwRoute = 'shell' | 'asset' | 'api' | null;

/** The respondent page's addresses: `/`, `/s/<id>`, `/b/<slug>` (not `/b/<slug>/live`), all one HTML file. */
const SHELL_PATH = /^\/(?:[sb]\/[^/]+\/?)?$/;
const API_PATHS = [
  /^\/api\/surveys\/?$/,
  /^\/api\/surveys\/[^/]+\/?$/,
  /^\/api\/surveys\/[^/]+\/versions\/\d+\/?$/,
  /^\/api\/briefings\/[^/]+\/?$/,
];

export function swRoute(
  request: { method: string; mode: string; url: string },
  origin: string,
  precached: ReadonlySet<string>,
): SwRoute {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== origin) return null;
  if (request.mode === 'navigate') return SHELL_PATH.test(url.pathname) ? 'shell' : null;
  // Only the respondent page's files: the workspace's assets are not this worker's business.
  if (precached.has(url.pathname)) return 'asset';
  if (API_PATHS.some((path) => path.test(url.pathname))) return 'api';
  return null;
}
