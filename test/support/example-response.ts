// A response to the fixture survey `example` v1 as the ingest path hands it to the store: the store tests' one
// builder (each test overrides what it is about).
import type { NewResponse } from '../../server/store';

export function exampleResponse(id: string, overrides: Partial<NewResponse> = {}): NewResponse {
  return {
    id,
    surveyId: 'example',
    version: 1,
    locale: 'kk',
    region: 'KZ-10',
    briefing: null,
    startedAt: null,
    submittedAt: '2023-09-15T10:00:00.000Z',
    answers: { region: 'KZ-10' },
    contacts: null,
    contentHash: `hash-${id}`,
    ...overrides,
  };
}
