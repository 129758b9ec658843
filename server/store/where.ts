// The one WHERE builder for reading responses by filter, shared by the response store and the export reader.
import { notRejected } from './review-set';
import type { ResponseFilter } from './types';

/**
 * Builds the WHERE clause from fixed fragments; values only ever travel as parameters. `rowid` names the responses'
 * rowid where other tables are joined (`r.rowid`): the review test goes by rowid, which the indexes hold, so the
 * stored-lines export still never reads a response's row.
 */
export function whereClause(
  filter: ResponseFilter,
  rowid = 'rowid',
): { sql: string; params: Record<string, unknown> } {
  const parts = ['survey_id = @surveyId'];
  // Rejected responses (a test, junk) are left out unless asked for; the list is evaluated once per query.
  if (filter.review !== 'all') parts.push(notRejected(rowid));
  const params: Record<string, unknown> = { surveyId: filter.surveyId };
  if (filter.regions?.length) {
    parts.push('region IN (SELECT value FROM json_each(@regions))');
    params.regions = JSON.stringify(filter.regions);
  }
  if (filter.versions?.length) {
    parts.push('version IN (SELECT value FROM json_each(@versions))');
    params.versions = JSON.stringify(filter.versions);
  }
  if (filter.briefing !== undefined) {
    parts.push('briefing = @briefing');
    params.briefing = filter.briefing;
  }
  if (filter.from !== undefined) {
    parts.push('submitted_at >= @from');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    parts.push('submitted_at < @to');
    params.to = filter.to;
  }
  return { sql: parts.join(' AND '), params };
}
