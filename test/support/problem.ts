// Reading the server's refusals in tests: every 4xx is problem+json (RFC 9457), and a 400 names the fields it
// refused in `errors`.
import { expect } from 'vitest';

/** Expects `status` with a problem+json body, and returns the body. */
export async function expectProblem(res: Response, status: number): Promise<Record<string, any>> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as Record<string, any>;
}

/** The names of the fields a 400 refused, sorted. */
export const problemFields = (body: Record<string, any>): string[] =>
  (body.errors as { question: string }[]).map((e) => e.question).sort();
