// The briefings section's requests: list, create, change and counts, and the addresses of the QR images.
import type { BriefingAdminBody, BriefingCountsBody } from '../../../server/http/contract/briefings';
import { getJson, HttpError, SAME_ORIGIN } from '../../lib/workspace-api';
import { readProblem } from '../../lib/api';
import { BASE } from '../router';

export type AdminBriefing = BriefingAdminBody;
export type BriefingCounts = BriefingCountsBody;

/** What the form edits: the briefing as the server lists it, without what the server works out. */
export type BriefingFields = Pick<
  BriefingAdminBody,
  'survey' | 'region' | 'city' | 'cityNames' | 'date' | 'title' | 'open' | 'opensAt' | 'closesAt'
>;

const path = (slug: string, tail = '') => `/api/briefings/${encodeURIComponent(slug)}${tail}`;

export const listBriefings = (signal?: AbortSignal) => getJson<AdminBriefing[]>('/api/briefings', signal);
export const getCounts = (slug: string, signal?: AbortSignal) =>
  getJson<BriefingCounts>(path(slug, '/counts'), signal);

/** POST or PATCH a JSON body; a refusal throws HttpError with the problem (its errors name the fields). */
async function sendJson<T>(method: 'POST' | 'PATCH', url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    ...SAME_ORIGIN,
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  return (await res.json()) as T;
}

export const createBriefing = (slug: string, fields: BriefingFields) =>
  sendJson<AdminBriefing>('POST', '/api/briefings', { slug, ...fields });
export const changeBriefing = (slug: string, fields: BriefingFields) =>
  sendJson<AdminBriefing>('PATCH', path(slug), fields);

/** The QR image of a briefing's link; `download` makes the server send it as a file named after the slug. */
export const qrUrl = (slug: string, type: 'svg' | 'png', download = false) =>
  path(slug, `/qr.${type}${download ? '?download=1' : ''}`);

/** An address inside this section: `/new`, `/<slug>`, `/<slug>/poster`. */
export const briefingsHref = (tail = '') => `${BASE}/briefings${tail}`;

export const liveUrl = (slug: string) => `/b/${encodeURIComponent(slug)}/live`;
