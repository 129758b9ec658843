// Reply shapes of the aggregate routes (summary, crosstab, coverage, text answers): exports/aggregates builds them
// and may not import server/http, so they are declared there and named here, where the client reads every shape.
export type * from '../../../exports/aggregates/types';
