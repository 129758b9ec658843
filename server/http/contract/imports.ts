// Reply shape of POST /api/imports (unsent-answers files): the domain's import report, named here with the others.
export type { ImportedResponse, ImportReport } from '../../domain/unsent-import';
