// The part of the store interface (server/store/index.ts) this engine implements, in its asynchronous form: every
// member returns a Promise and the streamed reads are async iterables. The conformance suite
// (test/conformance/) holds both engines to it; README "Scaling out" lists what is covered so far.
import type { Store } from '../store';
import type { PgExportReader } from './export-reader';

/** A value, or a streamed read (an Iterable that is no array, Map or string) as an AsyncIterable. */
type AsyncResult<R> = [R] extends [unknown[] | Map<unknown, unknown> | string]
  ? Promise<R>
  : [R] extends [Iterable<infer E>]
    ? AsyncIterable<E>
    : Promise<R>;

/** A method, asynchronous; a property (what the store found when it opened) as it is. */
type AsyncMember<F> = F extends (...args: infer A) => infer R ? (...args: A) => AsyncResult<Awaited<R>> : F;

/** The members each covered concern brings. */
export const COVERED = {
  surveys: [
    'publishVersions',
    'publishedVersion',
    'publishDefinition',
    'listPublishedDefinitions',
    'countPublishedDefinitions',
    'isSurveyClosed',
    'surveyClosedAt',
    'setSurveyClosed',
  ],
  responses: ['submitResponse', 'insertResponses', 'getResponse'],
  counts: ['tallyAnswers', 'countResponsesBy', 'tallyAnswersByAnswer'],
  textIndex: ['listTextAnswers'],
  projections: ['fillExportLines', 'exportLinesReset', 'recountAnswers', 'countsRebuilt', 'adoptPlans'],
  accounts: [
    'countUsers',
    'addUser',
    'getUser',
    'getUserCredentials',
    'listUsers',
    'updateUser',
    'rehashPassword',
    'recordSignIn',
    'addSession',
    'getActiveSession',
    'touchSession',
    'revokeSession',
  ],
  audit: ['recordAudit', 'iterateAudit'],
  briefings: [
    'addBriefing',
    'getBriefing',
    'listBriefings',
    'updateBriefing',
    'countBriefingResponses',
    'briefingResponsesIn',
    'briefingResponsesPerBriefingIn',
    'briefingResponsesByHourIn',
  ],
  readiness: ['probeReadiness'],
  reviews: [
    'reviewResponses',
    'getReview',
    'eraseContacts',
    'getContactErasure',
    'hasContacts',
    'listResponses',
    'countResponses',
    'listResponseIds',
    'pageResponses',
  ],
  demoData: ['countDemoData', 'removeDemoData'],
  apiTokens: ['addApiToken', 'listApiTokens', 'useApiToken', 'revokeApiToken'],
  coding: [
    'listCodes',
    'listSurveyCodes',
    'getCode',
    'addCode',
    'updateCode',
    'mergeCodes',
    'getAnswerToCode',
    'getAnswerCoding',
    'setAnswerCodes',
    'codeAnswers',
    'listCodingQueue',
    'tallyCodes',
    'listCodingPairs',
    'iterateUncodedTexts',
    'chooseQuote',
    'removeQuote',
    'listQuotes',
  ],
} as const satisfies Record<string, readonly (keyof Store)[]>;

export type CoveredMember = (typeof COVERED)[keyof typeof COVERED][number];

/**
 * The covered members, asynchronous; `close` too; and the export reader in the shape the asynchronous interface
 * gives it (batches of rows, promised values: export-reader.ts).
 */
export type AsyncStorePart = { [K in CoveredMember]: AsyncMember<Store[K]> } & {
  close(): Promise<void>;
  openExportReader(): Promise<PgExportReader>;
};
