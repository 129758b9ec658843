// Every problem in the catalog renders as RFC 9457 with a stable type and an HTTP error status.
import { describe, expect, it } from 'vitest';
import { Problem, PROBLEMS, type ProblemSlug } from '../../server/domain/problem';

describe('problem catalog', () => {
  it.each(Object.keys(PROBLEMS) as ProblemSlug[])('"%s" renders type, title, status and detail', (slug) => {
    const body = new Problem(slug, 'what went wrong').toBody();
    expect(body).toEqual({
      type: `/problems/${slug}`,
      title: PROBLEMS[slug].title,
      status: PROBLEMS[slug].status,
      detail: 'what went wrong',
    });
    expect(body.status).toBeGreaterThanOrEqual(400);
    expect(body.status).toBeLessThan(600);
  });

  it('carries field errors only when there are some', () => {
    expect(
      new Problem('invalid-answers', 'x', [{ question: 'region', message: 'm' }]).toBody().errors,
    ).toEqual([{ question: 'region', message: 'm' }]);
    expect(new Problem('invalid-answers', 'x').toBody()).not.toHaveProperty('errors');
  });
});
