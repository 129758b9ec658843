// The grace period for answers that waited on a phone: after a survey closes, a response begun before the
// closing is taken for 72 hours; anything else is a 410 that names the times. Real server, injected clock.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, postResponse } from '../support/answers';
import { copySurveys, startServer, type TestServer } from '../support/server';

const HOUR = 3_600_000;
const CLOSED_AT = '2024-05-14T12:00:00.000Z';
const BEFORE_CLOSING = '2024-05-14T11:30:00.000Z';

let server: TestServer;
let now = new Date('2024-05-14T09:00:00.000Z');

beforeAll(async () => {
  // A second version of the example survey, so that a response to the older one can be sent after v2 exists.
  const surveysDir = copySurveys();
  const v1 = JSON.parse(readFileSync(join(surveysDir, 'example/v1.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(surveysDir, 'example/v2.json'),
    JSON.stringify({ ...v1, description: 'Second version' }),
  );
  server = await startServer({ surveysDir, clock: () => now });
});
afterAll(() => server.close());

async function closeExample(): Promise<void> {
  await server.store.setSurveyClosed('example', true, CLOSED_AT);
}

async function reopenExample(): Promise<void> {
  await server.store.setSurveyClosed('example', false, CLOSED_AT);
}

describe('answers to an older version while the survey is open', () => {
  it('POST /responses stores a v1 answer with version 1 although v2 is the newest', async () => {
    now = new Date('2024-05-20T09:00:00.000Z');
    const body = envelope({ version: 1, startedAt: '2024-05-10T09:00:00.000Z' });
    const r = await postResponse(server.url, body);
    expect(r.status).toBe(201);
    expect(await server.store.getResponse(String(body.id))).toMatchObject({ version: 1 });
  });
});

describe('POST /responses after the survey closed', () => {
  beforeAll(closeExample);
  afterAll(reopenExample);

  it('answers 201 for a response begun before the closing and sent within 72 hours, to the version it was given for', async () => {
    now = new Date(Date.parse(CLOSED_AT) + 71 * HOUR);
    const body = envelope({ version: 1, startedAt: BEFORE_CLOSING });
    const r = await postResponse(server.url, body);
    expect(r.status).toBe(201);
    expect(await server.store.getResponse(String(body.id))).toMatchObject({
      version: 1,
      startedAt: BEFORE_CLOSING,
    });

    // The phone did not hear the 201 and sends again: still the same one response.
    const again = await postResponse(server.url, body);
    expect(again.status).toBe(200);
  });

  it('answers 410 naming the closing and the end of the grace once 72 hours have passed', async () => {
    now = new Date(Date.parse(CLOSED_AT) + 72 * HOUR);
    const body = envelope({ version: 2, startedAt: BEFORE_CLOSING });
    const r = await postResponse(server.url, body);
    expect(r.status).toBe(410);
    expect(r.json).toMatchObject({
      type: '/problems/survey-closed',
      status: 410,
      closedAt: CLOSED_AT,
      acceptedUntil: '2024-05-17T12:00:00.000Z',
    });
    expect(r.json?.detail).toMatch(/taken until 2024-05-17T12:00:00.000Z/);
    expect(await server.store.getResponse(String(body.id))).toBeUndefined();
  });

  it('answers 410 within the grace for a response begun after the closing', async () => {
    now = new Date(Date.parse(CLOSED_AT) + 2 * HOUR);
    const r = await postResponse(server.url, envelope({ startedAt: '2024-05-14T12:00:00.000Z' }));
    expect(r.status).toBe(410);
    expect(r.json?.detail).toMatch(/before this response was begun/);
    expect(r.json).toMatchObject({ closedAt: CLOSED_AT });
  });

  it('answers 410 within the grace for a response without startedAt, which cannot show when it began', async () => {
    now = new Date(Date.parse(CLOSED_AT) + 2 * HOUR);
    const body = envelope();
    delete body.startedAt;
    const r = await postResponse(server.url, body);
    expect(r.status).toBe(410);
    expect(r.json?.detail).toMatch(/without startedAt/);
  });

  it('still judges the answers first by the version: a version that never existed is a 404, not a 410', async () => {
    now = new Date(Date.parse(CLOSED_AT) + 2 * HOUR);
    const r = await postResponse(server.url, envelope({ version: 9, startedAt: BEFORE_CLOSING }));
    expect(r.status).toBe(404);
  });

  it('still refuses answers that do not fit with 422 within the grace', async () => {
    now = new Date(Date.parse(CLOSED_AT) + 2 * HOUR);
    const r = await postResponse(server.url, envelope({ startedAt: BEFORE_CLOSING }, { region: 'KZ-99' }));
    expect(r.status).toBe(422);
  });
});
