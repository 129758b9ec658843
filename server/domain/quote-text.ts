// Quotes in the brief show what people proposed, never who they are: contact details that a respondent typed into
// the free text itself (an e-mail address, a phone number) are blanked before a quote leaves the server.

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Ten or more digits with the usual separators (+7 701 234 56 78, 8(701)2345678, 701-234-56-78), as every
// Kazakhstan number has; fewer would take years ("2024-2027") and sums for phone numbers.
const PHONE = /\+?\d[\d\s().-]{8,}\d/g;

export const REDACTED = '[…]';

export function withoutContacts(text: string): string {
  return text
    .replace(EMAIL, REDACTED)
    .replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 10 ? REDACTED : match));
}
