// Which requests the respondent page's service worker answers: its shell, its own hashed files and the public
// survey API; never a POST, the workspace, the session, exports, another origin or the briefing live screen.
import { describe, expect, test } from 'vitest';
import { swRoute } from '../../client/respond/sw-routes';

const ORIGIN = 'http://10.0.0.2:8080';
const PRECACHED = new Set(['/assets/respond-abc.js', '/assets/respond-abc.css']);
const get = (path: string, mode = 'cors') =>
  swRoute({ method: 'GET', mode, url: ORIGIN + path }, ORIGIN, PRECACHED);

describe('service worker routes', () => {
  test.each(['/', '/s/example', '/s/example/', '/b/semey-2023'])(
    'a navigation to %s gets the page shell',
    (path) => {
      expect(get(path, 'navigate')).toBe('shell');
    },
  );

  test.each(['/workspace', '/workspace/exports', '/b/semey-2023/live', '/s/a/b', '/sw.js'])(
    'a navigation to %s goes to the network untouched',
    (path) => expect(get(path, 'navigate')).toBeNull(),
  );

  test.each([
    '/api/surveys',
    '/api/surveys/example',
    '/api/surveys/example/versions/2',
    '/api/briefings/semey-2023',
  ])('GET %s is read network-first with the cached copy as fallback', (path) =>
    expect(get(path)).toBe('api'),
  );

  test.each([
    '/api/session',
    '/api/surveys/example/export.csv',
    '/api/surveys/example/summary',
    '/api/surveys/example/versions/latest',
    '/api/briefings/semey-2023/qr.svg',
    '/api/users',
  ])('GET %s is never cached', (path) => expect(get(path)).toBeNull());

  test("the page's precached files are answered from the cache, the workspace's are not", () => {
    expect(get('/assets/respond-abc.js')).toBe('asset');
    expect(get('/assets/workspace-def.js')).toBeNull();
  });

  test('a POST of a response and a request to another origin are left alone', () => {
    const post = { method: 'POST', mode: 'cors', url: `${ORIGIN}/api/surveys/example/responses` };
    expect(swRoute(post, ORIGIN, PRECACHED)).toBeNull();
    const other = { method: 'GET', mode: 'cors', url: 'https://example.kz/api/surveys' };
    expect(swRoute(other, ORIGIN, PRECACHED)).toBeNull();
  });
});
