// /api/briefings on the real server: admins create and change briefings (fields named in every 400, 409 for a
// taken slug), readers list their regions' ones, QR codes decode as PNG and SVG of the link, counts per UTC+5 hour,
// a closed briefing refuses answers (410 naming `briefing`) with the same grace as a closed survey.
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { expectProblem, problemFields } from '../support/problem';
import { startServer, type TestServer } from '../support/server';
import { readLiveEvents } from '../support/live-events';

const PASSWORD = 'Birgemiz-2024-jyl';
// 09:30 in Semey (UTC+5) on the day of the briefing; tests move it forward.
let now = new Date('2023-09-15T04:30:00Z');
let server: TestServer;
let admin: string;
let analyst: string;

const SEMEY = {
  slug: 'semey-2023',
  survey: 'example',
  region: 'KZ-10',
  city: 'Семей',
  date: '2023-09-15',
  title: { kk: 'Семейдегі брифинг', ru: 'Брифинг в Семее', en: 'Semey briefing' },
};

beforeAll(async () => {
  server = await startServer({ clock: () => now });
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  await createUser(server.store, {
    email: 'pavlodar@example.kz',
    role: 'analyst',
    regions: ['KZ-55'],
    password: PASSWORD,
  });
  [admin, analyst] = await Promise.all([
    signIn(server.url, 'admin@example.kz', PASSWORD),
    signIn(server.url, 'pavlodar@example.kz', PASSWORD),
  ]);
});
afterAll(() => server.close());

const send = (cookie: string, method: string, path: string, body: unknown) =>
  sendJson(server.url, cookie, method, path, body);

/** A response to the example survey tagged with `slug`, begun a minute before the server's clock. */
const answer = (slug: string, region = 'KZ-10') =>
  postResponse(
    server.url,
    envelope(
      { briefing: slug, startedAt: new Date(now.getTime() - 60_000).toISOString() },
      exampleAnswers({ region }),
    ),
  );

describe('creating and changing briefings', () => {
  it('creates a briefing for an admin (201) with its absolute link, and lists it with its count', async () => {
    const res = await send(admin, 'POST', '/api/briefings', SEMEY);
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({
      ...SEMEY,
      open: true,
      state: 'open',
      link: `${server.url}/b/semey-2023`,
      responses: 0,
    });
    const list = (await (await fetchAs(server.url, admin, '/api/briefings')).json()) as Record<string, any>[];
    expect(list.map((b) => b.slug)).toEqual(['semey-2023']);
    // The public lookup the respondent page reads: the same fields, and no city names when none were given.
    expect(await (await fetch(`${server.url}/api/briefings/semey-2023`)).json()).toEqual({
      ...SEMEY,
      cityNames: {},
    });
  });

  it('answers 409 for a slug that is taken, and keeps the first briefing', async () => {
    const body = await expectProblem(
      await send(admin, 'POST', '/api/briefings', { ...SEMEY, city: 'Other' }),
      409,
    );
    expect(body.type).toBe('/problems/briefing-exists');
    expect((await server.store.getBriefing('semey-2023'))?.city).toBe('Семей');
  });

  it('answers 400 naming every wrong field, an unknown survey and a region outside the 20', async () => {
    const bad = {
      slug: 'Bad Slug',
      survey: 'example',
      region: 'KZ-99',
      city: '',
      date: '15.09.2023',
      title: { kk: 'a' },
      extra: 1,
    };
    const body = await expectProblem(await send(admin, 'POST', '/api/briefings', bad), 400);
    expect(problemFields(body)).toEqual(['city', 'date', 'extra', 'region', 'slug', 'title.en', 'title.ru']);
    const unknown = await expectProblem(
      await send(admin, 'POST', '/api/briefings', { ...SEMEY, slug: 'x1', survey: 'nope' }),
      400,
    );
    expect(problemFields(unknown)).toEqual(['survey']);
    const order = {
      ...SEMEY,
      slug: 'x2',
      opensAt: '2023-09-15T12:00:00+05:00',
      closesAt: '2023-09-15T10:00:00+05:00',
    };
    expect(
      problemFields(await expectProblem(await send(admin, 'POST', '/api/briefings', order), 400)),
    ).toEqual(['closesAt']);
    expect(await server.store.getBriefing('x1')).toBeUndefined();
  });

  it('changes the city and one title with PATCH, leaving the rest; 404 for an unknown slug', async () => {
    const res = await send(admin, 'PATCH', '/api/briefings/semey-2023', {
      city: 'Семей қаласы',
      title: { en: 'Semey, Abai' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      city: 'Семей қаласы',
      title: { ...SEMEY.title, en: 'Semey, Abai' },
    });
    await expectProblem(await send(admin, 'PATCH', '/api/briefings/nowhere', { city: 'x' }), 404);
    expect(
      problemFields(
        await expectProblem(await send(admin, 'PATCH', '/api/briefings/semey-2023', { slug: 'y' }), 400),
      ),
    ).toEqual(['slug']);
  });

  it('answers 403 to an analyst who tries to create or change, and 401 without a session', async () => {
    expect(
      (await expectProblem(await send(analyst, 'POST', '/api/briefings', { ...SEMEY, slug: 'a1' }), 403))
        .type,
    ).toBe('/problems/forbidden');
    await expectProblem(await send(analyst, 'PATCH', '/api/briefings/semey-2023', { city: 'x' }), 403);
    await expectProblem(await fetch(`${server.url}/api/briefings`), 401);
    await expectProblem(await fetch(`${server.url}/api/briefings/semey-2023/qr.svg`), 401);
  });

  it('lists to an analyst only the briefings of their regions, and hides the others’ counts and codes (404)', async () => {
    await send(admin, 'POST', '/api/briefings', {
      ...SEMEY,
      slug: 'pavlodar-2023',
      region: 'KZ-55',
      city: 'Павлодар',
    });
    const list = (await (await fetchAs(server.url, analyst, '/api/briefings')).json()) as Record<
      string,
      any
    >[];
    expect(list.map((b) => b.slug)).toEqual(['pavlodar-2023']);
    await expectProblem(await fetchAs(server.url, analyst, '/api/briefings/semey-2023/counts'), 404);
    expect((await fetchAs(server.url, analyst, '/api/briefings/pavlodar-2023/counts')).status).toBe(200);
  });
});

describe('QR codes', () => {
  it('draws the link as SVG', async () => {
    const res = await fetchAs(server.url, admin, '/api/briefings/semey-2023/qr.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('<path');
  });

  it('draws a PNG that decodes: signature, IHDR of the asked size, chunk CRCs, and pixel data of that size', async () => {
    const res = await fetchAs(server.url, admin, '/api/briefings/semey-2023/qr.png?size=512&download=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?semey-2023-qr\.png"?$/);
    const png = decodePng(Buffer.from(await res.arrayBuffer()));
    expect(png).toMatchObject({ width: 512, height: 512 });
    expect(png.rawBytes).toBe(png.height * (1 + png.width * png.bytesPerPixel));
    const tooBig = await expectProblem(
      await fetchAs(server.url, admin, '/api/briefings/semey-2023/qr.png?size=99999'),
      400,
    );
    expect(problemFields(tooBig)).toEqual(['size']);
  });
});

describe('counts and closing', () => {
  it('counts responses per briefing and per hour of Kazakhstan’s clock (UTC+5)', async () => {
    for (const _ of [1, 2]) expect((await answer('semey-2023')).status).toBe(201);
    now = new Date('2023-09-15T05:10:00Z'); // 10:10 in Semey
    expect((await answer('semey-2023')).status).toBe(201);
    expect((await answer('pavlodar-2023', 'KZ-55')).status).toBe(201);
    const counts = await (await fetchAs(server.url, admin, '/api/briefings/semey-2023/counts')).json();
    expect(counts).toEqual({
      slug: 'semey-2023',
      total: 3,
      perHour: [
        { hour: '2023-09-15T09:00', responses: 2 },
        { hour: '2023-09-15T10:00', responses: 1 },
      ],
      timeZone: 'UTC+05:00',
    });
    const list = (await (await fetchAs(server.url, admin, '/api/briefings')).json()) as Record<string, any>[];
    expect(Object.fromEntries(list.map((b) => [b.slug, b.responses]))).toEqual({
      'pavlodar-2023': 1,
      'semey-2023': 3,
    });
  });

  it('refuses answers once closed by hand (410 naming briefing), except those begun before, within the grace', async () => {
    const closed = await send(admin, 'PATCH', '/api/briefings/semey-2023', { open: false });
    expect(await closed.json()).toMatchObject({ open: false, state: 'closed', closingAt: now.toISOString() });
    const begunBefore = envelope({
      briefing: 'semey-2023',
      startedAt: new Date(now.getTime() - 60_000).toISOString(),
    });
    now = new Date(now.getTime() + 60_000);
    expect((await postResponse(server.url, begunBefore)).status).toBe(201);
    const refused = await answer('semey-2023');
    expect(refused.status).toBe(410);
    expect(refused.json).toMatchObject({
      type: '/problems/briefing-closed',
      errors: [{ question: 'briefing' }],
    });
    expect(await server.store.countBriefingResponses('semey-2023')).toBe(4);
    const reopened = await send(admin, 'PATCH', '/api/briefings/semey-2023', { open: true });
    expect(await reopened.json()).toMatchObject({ open: true, state: 'open', closingAt: null });
    expect((await answer('semey-2023')).status).toBe(201);
  });

  it('takes answers only between opensAt and closesAt', async () => {
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
    await send(admin, 'PATCH', '/api/briefings/pavlodar-2023', { opensAt: at(10), closesAt: at(70) });
    expect((await answer('pavlodar-2023', 'KZ-55')).json).toMatchObject({
      status: 410,
      errors: [{ question: 'briefing' }],
    });
    now = new Date(Date.parse(at(30)));
    expect((await answer('pavlodar-2023', 'KZ-55')).status).toBe(201);
    now = new Date(Date.parse(at(50)));
    expect((await answer('pavlodar-2023', 'KZ-55')).status).toBe(410);
  });
});

describe('live count', () => {
  it('pushes the new count over server-sent events within 2 s of a stored response', async () => {
    // Real time from here: the poller runs on the wall clock. Sessions made at the 2023 clock ended long ago.
    now = new Date();
    admin = await signIn(server.url, 'admin@example.kz', PASSWORD);
    await send(admin, 'PATCH', '/api/briefings/semey-2023', { opensAt: null, closesAt: null, open: true });
    const controller = new AbortController();
    const res = await fetchAs(server.url, admin, '/api/briefings/semey-2023/live', {
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readLiveEvents(res.body!);
    const first = await events.next();
    const start = first.total;
    const posted = performance.now();
    expect((await answer('semey-2023')).status).toBe(201);
    const next = await events.next();
    const delay = performance.now() - posted;
    console.log(`live count delay: ${delay.toFixed(0)} ms`);
    expect(next.total).toBe(start + 1);
    expect(delay).toBeLessThan(2000);
    controller.abort();
  });
});

/** Walks a PNG's chunks checking each CRC, reads IHDR and inflates IDAT; throws on anything malformed. */
function decodePng(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (!header) throw new Error('no IHDR chunk');
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[header[9]!] ?? 0;
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bytesPerPixel: (channels * header[8]!) / 8,
    rawBytes: inflateSync(Buffer.concat(idat)).length,
  };
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// Last: a briefing more would change the lists and counts the tests above compare.
describe('city names', () => {
  it('keeps a city in kk/ru/en beside `city`, changes them with PATCH, and names a bad one in a 400', async () => {
    const oskemen = {
      ...SEMEY,
      slug: 'oskemen-2023',
      region: 'KZ-63',
      city: 'Oskemen',
      cityNames: { kk: 'Өскемен', ru: 'Усть-Каменогорск', en: 'Oskemen' },
    };
    const res = await send(admin, 'POST', '/api/briefings', oskemen);
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ city: 'Oskemen', cityNames: oskemen.cityNames });
    const lookup = async () => (await fetch(`${server.url}/api/briefings/oskemen-2023`)).json();
    expect(await lookup()).toEqual(oskemen);
    const changed = await send(admin, 'PATCH', '/api/briefings/oskemen-2023', {
      cityNames: { kk: 'Өскемен қ.' },
    });
    expect(changed.status).toBe(200);
    expect(await lookup()).toMatchObject({ city: 'Oskemen', cityNames: { kk: 'Өскемен қ.' } });
    const bad = await expectProblem(
      await send(admin, 'PATCH', '/api/briefings/oskemen-2023', { cityNames: { kk: '', fr: 'x' } }),
      400,
    );
    expect(problemFields(bad).some((field) => field.startsWith('cityNames'))).toBe(true);
  });
});
