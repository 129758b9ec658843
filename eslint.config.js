// Lint rules, including the one-way import direction of STYLE.md, with no exemptions:
// http → domain → store, catalog; http, cli → exports; store imports nothing above it and knows no formats;
// domain and cli know no HTTP; exports knows no HTTP, CLI or client; client takes only types from the server.
// The contract folder (server/http/contract/) is shapes only (zod schemas and types, no Express): the domain and the
// CLI may read it, and it may import nothing else of server/http.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const forbid = (patterns, message, regex) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: patterns, message }, ...(regex ? [{ regex, message }] : [])] },
  ],
});
/** Any path into server/http other than its contract folder. */
const HTTP_EXCEPT_CONTRACT = String.raw`(^|/)http/(?!contract/)`;

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    files: ['client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests read JSON replies of many shapes; typing each one would hide the assertions.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/store/**', 'server/store-pg/**'],
    rules: forbid(
      // Kazakhstan's clock is the one exception: a pure leaf every layer shares (days are its grain).
      [
        '**/http/**',
        '**/domain/**',
        '!**/domain/kazakhstan-time',
        '**/cli/**',
        '**/catalog/**',
        '**/exports/**',
        '**/client/**',
      ],
      'store imports nothing above it and knows no formats',
    ),
  },
  {
    files: ['server/catalog/**'],
    rules: forbid(
      ['**/http/**', '**/domain/**', '**/cli/**', '**/store/**', '**/exports/**', '**/client/**'],
      'catalog knows no HTTP or SQL',
    ),
  },
  {
    files: ['server/domain/**'],
    rules: forbid(
      ['**/cli/**', '**/client/**', 'express', 'node:http'],
      'domain knows no HTTP: routes call the rules, not the other way (shapes come from http/contract)',
      HTTP_EXCEPT_CONTRACT,
    ),
  },
  {
    files: ['server/cli/**'],
    rules: forbid(
      ['**/client/**', 'express'],
      'the CLI uses domain, store, catalog and exports, never server/http (shapes come from http/contract)',
      HTTP_EXCEPT_CONTRACT,
    ),
  },
  {
    files: ['server/http/contract/**'],
    rules: forbid(
      ['**/cli/**', '**/client/**', 'express', 'node:http'],
      'the contract is shapes only: no routes, no Express, nothing else of server/http',
      String.raw`^\.\./(?!\.\./)`,
    ),
  },
  {
    files: ['exports/**'],
    rules: forbid(
      ['**/server/http/**', '**/server/cli/**', '**/client/**'],
      'exports are pure formats: nothing of HTTP, the CLI or the client',
    ),
  },
  {
    files: ['client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Two pure leaves are runtime imports, so each is written once: Kazakhstan's clock and the `pii` property.
              // (gitignore rules: a file is re-included only when its folder is.)
              group: [
                '**/exports/**',
                '**/server/**',
                '!**/server/domain/',
                '**/server/domain/**',
                '!**/server/domain/kazakhstan-time',
                '!**/server/catalog/',
                '**/server/catalog/**',
                '!**/server/catalog/serializer',
              ],
              allowTypeImports: true,
              message:
                'client takes types only (and two pure leaves: domain/kazakhstan-time, catalog/serializer)',
            },
          ],
        },
      ],
    },
  },
);
