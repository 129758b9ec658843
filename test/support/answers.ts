// Valid answers and envelopes for the example fixture survey, to be varied by each test.
import { randomUUID } from 'node:crypto';

export function exampleAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    region: 'KZ-10',
    role: 'ngo_staff',
    top_needs: ['funding', 'training'],
    cooperation: 4,
    proposal: 'Өңірлік Фронт-офиске тұрақты қаржы керек 🙂 "quotes" =SUM(A1)',
    ...overrides,
  };
}

export function envelope(
  overrides: Record<string, unknown> = {},
  data = exampleAnswers(),
): Record<string, unknown> {
  return {
    id: randomUUID(),
    version: 1,
    locale: 'kk',
    startedAt: new Date().toISOString(),
    data,
    ...overrides,
  };
}

export async function postResponse(
  url: string,
  body: unknown,
  survey = 'example',
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}/api/surveys/${survey}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: text ? (JSON.parse(text) as Record<string, any>) : null,
  };
}
