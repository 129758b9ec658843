// Default length caps for text that has no maxLength of its own, counted in UTF-16 code units
// (JavaScript's `length`, which is what survey-core and the browser's maxlength attribute count).

/**
 * One-line text (`text` questions): names, phone numbers, a sentence. 1 000 is far above any honest answer and
 * keeps a scripted client from filling the database through a field the page shows as one line.
 */
export const DEFAULT_TEXT_MAX_LENGTH = 1_000;

/**
 * Multi-line text (`comment` questions, comment areas, "other" texts, which the page shows as text areas):
 * several paragraphs. 10 000 units is about 20 KB of Cyrillic in UTF-8, well inside the 256 KB body limit.
 */
export const DEFAULT_COMMENT_MAX_LENGTH = 10_000;
