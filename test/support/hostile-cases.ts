// The hostile-input table: requests an attacker, a broken client or a careless script could send to every route,
// each with the status and problem type it must get and the field the problem must name. Data only; the runner is
// test/integration/hostile-input.test.ts, which also checks that none of them changed the database.
import { randomUUID } from 'node:crypto';
import { envelope, exampleAnswers } from './answers';

export type Account = 'admin' | 'abai';

export interface HostileCase {
  name: string;
  method?: string;
  /** Sent as is, without URL normalisation: `..`, `%2e%2e` and bad escapes reach the server. */
  path: string;
  as?: Account;
  /** An object is sent as JSON; a string or Buffer as raw bytes. */
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  /** The problem slug (`/problems/<type>`). */
  type: string;
  /** A field or question the problem's `errors` must name. */
  names?: string;
}

const R = '/api/surveys/example/responses';
const K = '/api/surveys/kitchen-sink/responses';

/** A valid kitchen-sink answer; each type case below breaks exactly one question of it. */
export const KITCHEN_BASE = {
  region: 'KZ-10', role: 'ngo', mood: 4, has_org: false, consent: true, contact_email: 'a@b.kz',
  idea_a: 'more trainings', top_needs: ['food'],
};
const kitchen = (data: Record<string, unknown>) => envelope({}, { ...KITCHEN_BASE, ...data });
const example = (data: Record<string, unknown>) => envelope({}, exampleAnswers(data));

/** Set by the test before the table runs: a response stored with the example answers (for the id clashes). */
export const stored = { body: envelope() as Record<string, unknown> };

const deepArrays = `{"id":"${randomUUID()}","version":1,"locale":"kk","data":{"region":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
const deepObjects = `{"data":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
const json = (value: unknown) => JSON.stringify(value);
/** Bytes of a JSON text with `raw` spliced into the proposal string, for escapes JSON.stringify would never write. */
const withProposal = (raw: string) => json(example({ proposal: 'PLACEHOLDER' })).replace('PLACEHOLDER', raw);

const ingest: HostileCase[] = [
  { name: 'the body is not JSON', path: R, body: '{"id": ', status: 400, type: 'malformed-json' },
  { name: 'the body is empty', path: R, body: '', status: 400, type: 'malformed-json' },
  { name: 'the content type is text/plain', path: R, body: json(example({})), headers: { 'content-type': 'text/plain' }, status: 415, type: 'unsupported-media-type' },
  { name: 'there is no content type', path: R, body: Buffer.from(json(example({}))), headers: { 'content-type': '' }, status: 415, type: 'unsupported-media-type' },
  { name: 'the charset is latin1', path: R, body: json(example({})), headers: { 'content-type': 'application/json; charset=latin1' }, status: 415, type: 'unsupported-media-type' },
  { name: 'the body is a form', path: R, body: 'id=1&version=1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, type: 'unsupported-media-type' },
  { name: 'the body is multipart', path: R, body: '--x\r\n\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' }, status: 415, type: 'unsupported-media-type' },
  { name: 'the body is 300 KB', path: R, body: example({ proposal: 'x'.repeat(300 * 1024) }), status: 413, type: 'body-too-large' },
  { name: 'an answer is a 1 MB string', path: R, body: example({ proposal: 'ә'.repeat(512 * 1024) }), status: 413, type: 'body-too-large' },
  { name: 'arrays are nested 10,000 deep', path: R, body: deepArrays, status: 400, type: 'json-too-deep' },
  { name: 'objects are nested 10,000 deep', path: R, body: deepObjects, status: 400, type: 'json-too-deep' },
  { name: 'the body is not valid UTF-8', path: R, body: Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), status: 400, type: 'invalid-utf8' },
  { name: 'the body is UTF-16', path: R, body: Buffer.from(json(example({})), 'utf16le'), status: 400, type: 'invalid-utf8' },
  { name: 'a raw NUL byte sits in a string', path: R, body: withProposal('a\u0000b'), status: 400, type: 'malformed-json' },
  { name: 'an answer holds an escaped NUL', path: R, body: withProposal('a\\u0000b'), status: 400, type: 'invalid-text', names: 'data.proposal' },
  { name: 'an answer holds a lone surrogate', path: R, body: withProposal('a\\ud800b'), status: 400, type: 'invalid-text', names: 'data.proposal' },
  { name: 'a key holds a lone surrogate', path: R, body: json(example({})).replace('"role"', '"r\\udc00"'), status: 400, type: 'invalid-text' },
  { name: 'the body is an array', path: R, body: '[]', status: 400, type: 'invalid-request' },
  { name: 'the body is null', path: R, body: 'null', status: 400, type: 'invalid-request' },
  { name: 'the envelope has a __proto__ key', path: R, body: json(example({})).replace('{', '{"__proto__":{"polluted":1},'), status: 400, type: 'invalid-request', names: '__proto__' },
  { name: 'the answers have a __proto__ key', path: R, body: json(example({})).replace('"data":{', '"data":{"__proto__":{"polluted":1},'), status: 422, type: 'invalid-answers', names: '__proto__' },
  { name: 'the answers have a constructor.prototype', path: R, body: example({ constructor: { prototype: { polluted: 1 } } }), status: 422, type: 'invalid-answers', names: 'constructor' },
  { name: 'the answers have a prototype key', path: R, body: example({ prototype: { polluted: 1 } }), status: 422, type: 'invalid-answers', names: 'prototype' },
  { name: 'the id is a path', path: R, body: { ...example({}), id: '../../etc/passwd' }, status: 400, type: 'invalid-request', names: 'id' },
  { name: 'the id is 10,000 characters', path: R, body: { ...example({}), id: 'a'.repeat(10_000) }, status: 400, type: 'invalid-request', names: 'id' },
  { name: 'the version is a string', path: R, body: { ...example({}), version: '1' }, status: 400, type: 'invalid-request', names: 'version' },
  { name: 'the version is 1.5', path: R, body: { ...example({}), version: 1.5 }, status: 400, type: 'invalid-request', names: 'version' },
  { name: 'the version does not exist', path: R, body: { ...example({}), version: 99 }, status: 404, type: 'version-not-found' },
  { name: 'the locale is de', path: R, body: { ...example({}), locale: 'de' }, status: 400, type: 'invalid-request', names: 'locale' },
  { name: 'the locale is KK', path: R, body: { ...example({}), locale: 'KK' }, status: 400, type: 'invalid-request', names: 'locale' },
  { name: 'startedAt is not a date', path: R, body: { ...example({}), startedAt: 'yesterday' }, status: 400, type: 'invalid-request', names: 'startedAt' },
  { name: 'startedAt is 30 February', path: R, body: { ...example({}), startedAt: '2024-02-30T10:00:00Z' }, status: 400, type: 'invalid-request', names: 'startedAt' },
  { name: 'startedAt is next year', path: R, body: { ...example({}), startedAt: new Date(Date.now() + 366 * 86_400_000).toISOString() }, status: 400, type: 'invalid-request', names: 'startedAt' },
  { name: 'the answers are a string', path: R, body: { ...example({}), data: 'region=KZ-10' }, status: 400, type: 'invalid-request', names: 'data' },
  { name: 'the briefing does not exist', path: R, body: { ...example({}), briefing: 'nowhere' }, status: 422, type: 'invalid-answers', names: 'briefing' },
  { name: 'the briefing is a path', path: R, body: { ...example({}), briefing: '../../etc/passwd' }, status: 422, type: 'invalid-answers', names: 'briefing' },
  { name: 'the briefing is 1,000 characters', path: R, body: { ...example({}), briefing: 'b'.repeat(1000) }, status: 400, type: 'invalid-request', names: 'briefing' },
  { name: 'the survey does not exist', path: '/api/surveys/nope/responses', body: example({}), status: 404, type: 'survey-not-found' },
  { name: 'the survey id climbs with encoded slashes', path: '/api/surveys/..%2F..%2Fetc%2Fpasswd/responses', body: example({}), status: 404, type: 'survey-not-found' },
  { name: 'the survey id is 3,000 characters', path: `/api/surveys/${'s'.repeat(3000)}/responses`, body: example({}), status: 404, type: 'survey-not-found' },
  { name: 'the region is KZ-99', path: R, body: example({ region: 'KZ-99' }), status: 422, type: 'invalid-answers', names: 'region' },
  { name: 'the region is lower case', path: R, body: example({ region: 'kz-10' }), status: 422, type: 'invalid-answers', names: 'region' },
  { name: 'the region is a number', path: R, body: example({ region: 10 }), status: 422, type: 'invalid-answers', names: 'region' },
  { name: 'the region is a list', path: R, body: example({ region: ['KZ-10'] }), status: 422, type: 'invalid-answers', names: 'region' },
  { name: 'a question is unknown', path: R, body: example({ is_admin: true }), status: 422, type: 'invalid-answers', names: 'is_admin' },
  { name: 'a choice is not in the list', path: R, body: example({ role: 'astronaut' }), status: 422, type: 'invalid-answers', names: 'role' },
  { name: 'a text is over its maxLength', path: R, body: example({ proposal: 'ы'.repeat(501) }), status: 422, type: 'invalid-answers', names: 'proposal' },
  { name: 'the id is taken by other answers', path: R, body: () => ({ ...stored.body, data: exampleAnswers({ cooperation: 1 }) }), status: 409, type: 'response-conflict' },
];

/** Wrong JSON types and values outside the definition, one per question type of the kitchen-sink fixture. */
const types: HostileCase[] = [
  ['a number input gets a numeric string', { age: '30' }, 'age'],
  ['a rating gets a string', { mood: '4' }, 'mood'],
  ['a rating is off its step', { mood: 3 }, 'mood'],
  ['a rating is not among rateValues', { years_active: 3 }, 'years_active'],
  ['a boolean gets "yes"', { has_org: 'yes' }, 'has_org'],
  ['a boolean with custom values gets true', { has_org: true, org_kind: true, org_size: 5 }, 'org_kind'],
  ['a checkbox gets a string', { fields: 'health' }, 'fields'],
  ['a checkbox has a choice not in the list', { fields: ['space'] }, 'fields'],
  ['a tagbox gets an object', { fields: ['education'], tools: { telegram: true } }, 'tools'],
  ['a ranking gets a string', { priorities: 'money' }, 'priorities'],
  ['a ranking repeats a choice', { priorities: ['money', 'money', 'people', 'space'] }, 'priorities'],
  ['a matrix gets a list', { pairs: ['x', 'a'] }, 'pairs'],
  ['a matrix has an unknown row', { pairs: { z: 'a' } }, 'pairs'],
  ['a matrix has a column not in the list', { pairs: { x: 'q' } }, 'pairs'],
  ['a dropdown of numbers gets a string', { weekly_days: '1' }, 'weekly_days'],
  ['a computed expression is sent', { score: 1000 }, 'score'],
  ['a comment is over its maxLength', { experience: 'а'.repeat(301) }, 'experience'],
  ['an email input is not an email', { contact_email: 'not an email' }, 'contact_email'],
  ['an html element is answered', { about_note: '<script>alert(1)</script>' }, 'about_note'],
  ['an image element is answered', { logo: 'https://evil.example/x.png' }, 'logo'],
  ['a panel is answered as if it were a question', { ideas: { idea_a: 'x' } }, 'ideas'],
  ['a regex validator fails', { contact_phone: '+7 (701) DROP TABLE' }, 'contact_phone'],
].map(([name, data, question]) => ({
  name: name as string,
  path: K,
  body: kitchen(data as Record<string, unknown>),
  status: 422,
  type: 'invalid-answers',
  names: question as string,
}));

const E = '/api/surveys/example';
const signedIn: HostileCase[] = [
  { name: 'a sign-in is not JSON', method: 'POST', path: '/api/session', body: 'email=a', status: 400, type: 'malformed-json' },
  { name: 'a sign-in is text/plain', method: 'POST', path: '/api/session', body: '{}', headers: { 'content-type': 'text/plain' }, status: 415, type: 'unsupported-media-type' },
  { name: 'a sign-in is 5 KB', method: 'POST', path: '/api/session', body: { email: 'a@b.kz', password: 'p'.repeat(5000) }, status: 413, type: 'body-too-large' },
  { name: 'a sign-in carries __proto__', method: 'POST', path: '/api/session', body: '{"email":"a@b.kz","password":"x","__proto__":{"polluted":1}}', status: 400, type: 'invalid-request', names: '__proto__' },
  { name: 'a sign-in email is a list', method: 'POST', path: '/api/session', body: { email: ['a@b.kz'], password: 'x' }, status: 400, type: 'invalid-request', names: 'email' },
  { name: 'a sign-in email is SQL', method: 'POST', path: '/api/session', body: { email: "' OR 1=1 --", password: 'x' }, status: 400, type: 'invalid-request', names: 'email' },
  { name: 'a made-up session cookie reads the session', path: '/api/session', headers: { cookie: 'saualnama_session=../../etc/passwd' }, status: 401, type: 'unauthenticated' },
  { name: 'a new user has a constructor key', method: 'POST', path: '/api/users', as: 'admin', body: '{"email":"x@y.kz","role":"author","password":"long enough pass","constructor":{"prototype":{"polluted":1}}}', status: 400, type: 'invalid-request', names: 'constructor' },
  { name: 'a new user has role root', method: 'POST', path: '/api/users', as: 'admin', body: { email: 'x@y.kz', role: 'root', password: 'long enough pass' }, status: 400, type: 'invalid-request', names: 'role' },
  { name: 'a new user has a region path', method: 'POST', path: '/api/users', as: 'admin', body: { email: 'x@y.kz', role: 'analyst', regions: ['KZ-10', '../'], password: 'long enough pass' }, status: 400, type: 'invalid-request', names: 'regions.1' },
  { name: 'a user id climbs', method: 'PATCH', path: '/api/users/..%2F1', as: 'admin', body: { role: 'author' }, status: 404, type: 'user-not-found' },
  { name: 'a user id is 20 digits', method: 'PATCH', path: '/api/users/99999999999999999999', as: 'admin', body: { role: 'author' }, status: 404, type: 'user-not-found' },
  { name: 'a user change is a query operator', method: 'PATCH', path: '/api/users/1', as: 'admin', body: { role: { $ne: null } }, status: 400, type: 'invalid-request', names: 'role' },
  { name: 'a briefing slug climbs', method: 'POST', path: '/api/briefings', as: 'admin', body: { slug: '../evil', survey: 'example', region: 'KZ-10', city: 'C', date: '2024-03-01', title: { kk: 'a', ru: 'a', en: 'a' } }, status: 400, type: 'invalid-request', names: 'slug' },
  { name: 'a briefing is for no survey', method: 'POST', path: '/api/briefings', as: 'admin', body: { slug: 'ok-slug', survey: 'nope', region: 'KZ-10', city: 'C', date: '2024-03-01', title: { kk: 'a', ru: 'a', en: 'a' } }, status: 400, type: 'invalid-request', names: 'survey' },
  { name: 'a briefing is on 30 February', method: 'POST', path: '/api/briefings', as: 'admin', body: { slug: 'ok-slug', survey: 'example', region: 'KZ-10', city: 'C', date: '2024-02-30', title: { kk: 'a', ru: 'a', en: 'a' } }, status: 400, type: 'invalid-request', names: 'date' },
  { name: 'a briefing change is for a slug that does not exist', method: 'PATCH', path: '/api/briefings/nowhere', as: 'admin', body: { city: 'X' }, status: 404, type: 'briefing-not-found' },
  { name: 'a public briefing slug climbs', path: '/api/briefings/..%2F..%2Fetc%2Fpasswd', status: 404, type: 'briefing-not-found' },
  { name: 'a QR code is 99,999 pixels', path: '/api/briefings/semey-2023/qr.png?size=99999', as: 'admin', status: 400, type: 'invalid-request', names: 'size' },
  { name: 'a QR size is repeated', path: '/api/briefings/semey-2023/qr.png?size=128&size=256', as: 'admin', status: 400, type: 'invalid-request', names: 'size' },
  { name: 'an export asks for KZ-99', path: `${E}/export.csv?region=KZ-99`, as: 'admin', status: 400, type: 'invalid-request', names: 'region' },
  { name: 'an export region is SQL', path: `${E}/export.csv?region=KZ-10'%20OR%20'1'='1`, as: 'admin', status: 400, type: 'invalid-request', names: 'region' },
  { name: 'a repeated region reaches outside a KZ-10 analyst', path: `${E}/export.csv?region=KZ-10&region=KZ-55`, as: 'abai', status: 403, type: 'forbidden' },
  { name: 'an export parameter is misspelt', path: `${E}/export.csv?regions=KZ-10`, as: 'admin', status: 400, type: 'invalid-request', names: 'regions' },
  { name: 'an export starts on 30 February', path: `${E}/export.csv?from=2024-02-30`, as: 'admin', status: 400, type: 'invalid-request', names: 'from' },
  { name: 'an export ends before it starts', path: `${E}/export.csv?from=2024-03-02&to=2024-03-01`, as: 'admin', status: 400, type: 'invalid-request', names: 'to' },
  { name: 'export labels are repeated', path: `${E}/export.csv?labels=kk&labels=ru`, as: 'admin', status: 400, type: 'invalid-request', names: 'labels' },
  { name: 'an export version is SQL', path: `${E}/export.csv?version=1;DROP%20TABLE%20responses`, as: 'admin', status: 400, type: 'invalid-request', names: 'version' },
  { name: 'an export briefing climbs', path: `${E}/export.csv?briefing=..%2F..%2Fetc`, as: 'admin', status: 400, type: 'invalid-request', names: 'briefing' },
  { name: 'an export query pollutes', path: `${E}/export.csv?__proto__[polluted]=1`, as: 'admin', status: 400, type: 'invalid-request', names: '__proto__[polluted]' },
  { name: 'an export is of a survey path', path: '/api/surveys/..%2F..%2Fetc/export.csv', as: 'admin', status: 404, type: 'survey-not-found' },
  { name: 'a zip export has pii=yes', path: `${E}/export.zip?pii=yes`, as: 'admin', status: 400, type: 'invalid-request', names: 'pii' },
  { name: 'a dictionary is of version 99', path: `${E}/dictionary.csv?version=99`, as: 'admin', status: 400, type: 'invalid-request', names: 'version' },
  { name: 'a summary ends on 31 April', path: `${E}/summary?to=2024-04-31`, as: 'admin', status: 400, type: 'invalid-request', names: 'to' },
  { name: 'a summary is of version 99', path: `${E}/summary?version=99`, as: 'admin', status: 400, type: 'invalid-request', names: 'version' },
  { name: 'a crosstab has no question', path: `${E}/crosstab?by=region`, as: 'admin', status: 400, type: 'invalid-request', names: 'question' },
  { name: 'a crosstab question is repeated', path: `${E}/crosstab?question=role&question=region&by=region`, as: 'admin', status: 400, type: 'invalid-request', names: 'question' },
  { name: 'a crosstab splits by personal data', path: `${E}/crosstab?question=role&by=email`, as: 'admin', status: 403, type: 'forbidden', names: 'by' },
  { name: 'a crosstab question does not exist', path: `${E}/crosstab?question=nope&by=region`, as: 'admin', status: 404, type: 'not-found', names: 'question' },
  { name: 'coverage starts yesterday', path: `${E}/coverage?from=yesterday`, as: 'admin', status: 400, type: 'invalid-request', names: 'from' },
  { name: 'a text search is 300 characters', path: `${E}/text/proposal?q=${'q'.repeat(300)}`, as: 'admin', status: 400, type: 'invalid-request', names: 'q' },
  { name: 'a text page is 0', path: `${E}/text/proposal?page=0`, as: 'admin', status: 400, type: 'invalid-request', names: 'page' },
  { name: 'a text page is repeated', path: `${E}/text/proposal?page=1&page=2`, as: 'admin', status: 400, type: 'invalid-request', names: 'page' },
  { name: 'a text page size is 100,000', path: `${E}/text/proposal?pageSize=100000`, as: 'admin', status: 400, type: 'invalid-request', names: 'pageSize' },
  { name: 'a text question climbs', path: `${E}/text/..%2F..%2Fetc%2Fpasswd`, as: 'admin', status: 404, type: 'not-found', names: 'question' },
  { name: 'a text list is of personal data', path: `${E}/text/email`, as: 'admin', status: 403, type: 'forbidden', names: 'question' },
];

const http: HostileCase[] = [
  { name: 'a header is 20 KB', path: '/api/surveys', headers: { 'x-filler': 'h'.repeat(20 * 1024) }, status: 431, type: 'headers-too-large' },
  { name: 'a query string is 20 KB', path: `${E}/summary?q=${'q'.repeat(20 * 1024)}`, as: 'admin', status: 431, type: 'headers-too-large' },
  { name: 'a path parameter has a malformed escape', path: '/api/surveys/%E0%A4%A', status: 400, type: 'bad-request' },
  { name: 'a page path has a malformed escape', path: '/s/%E0%A4%A', status: 400, type: 'bad-request' },
  { name: 'a survey id climbs', path: '/api/surveys/..%2F..%2Fetc%2Fpasswd', status: 404, type: 'survey-not-found' },
  { name: 'a survey id is dot-dot', path: '/api/surveys/%2e%2e', status: 404, type: 'survey-not-found' },
  { name: 'a version climbs', path: '/api/surveys/example/versions/..%2F1', status: 404, type: 'version-not-found' },
  { name: 'a static file climbs', path: '/assets/..%2F..%2Fpackage.json', status: 404, type: 'not-found' },
  { name: 'a static file climbs with dots', path: '/assets/%2e%2e/%2e%2e/package.json', status: 404, type: 'not-found' },
  { name: 'the root climbs', path: '/..%2F..%2Fetc%2Fpasswd', status: 404, type: 'not-found' },
  { name: 'a cross-site page changes a user with the cookie', method: 'PATCH', path: '/api/users/1', as: 'admin', headers: { origin: 'https://evil.example' }, body: { role: 'author' }, status: 403, type: 'cross-site-request' },
];

export const HOSTILE_CASES: HostileCase[] = [...ingest, ...types, ...signedIn, ...http];
