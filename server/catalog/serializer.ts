// Saualnama's own question properties, registered with survey-core's Serializer.
// The catalog, the validator and the respondent page call registerCustomProperties() before loading a definition;
// the page imports this module itself (lint allows this one, with kazakhstan-time: survey-core only, no server code).
import { Serializer } from 'survey-core';

/**
 * Registers `pii` (personal data: stored apart, exported only on request, never aggregated).
 * Idempotent: Serializer is process-wide, and several modules (and test files, and Vite's hot reload) call this.
 */
export function registerCustomProperties(): void {
  // Without the property, survey-core would report `pii` in jsonErrors and drop it from question objects.
  if (Serializer.findProperty('question', 'pii')) return;
  Serializer.addProperty('question', { name: 'pii:boolean', default: false });
}
