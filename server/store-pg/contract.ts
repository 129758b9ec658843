// The part of the store interface (server/store/index.ts) this engine implements: every member returns a Promise
// and the streamed reads are async iterables. The conformance suite
// (test/conformance/) holds both engines to it; README "Scaling out" lists what is covered so far.
import type { Store } from '../store';
import type { PgExportReader } from './export-reader';

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
  signIn: ['countSignInFailure', 'forgiveSignIn'],
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
 * The covered members (the Store interface is asynchronous), and `close`; the export reader as this engine's own
 * type (export-reader.ts), which is the Store's ExportReader.
 */
export type AsyncStorePart = Pick<Store, CoveredMember> & {
  close(): Promise<void>;
  openExportReader(): Promise<PgExportReader>;
};
