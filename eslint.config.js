// Lint rules, including the one-way import direction of STYLE.md:
// http → store, catalog, exports; store imports nothing above it; exports knows no HTTP or client;
// client takes only types from the server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

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
    files: ['server/store/**'],
    rules: forbid(
      ['**/http/**', '**/catalog/**', '**/exports/**', '**/client/**'],
      'store imports nothing above it',
    ),
  },
  {
    files: ['server/catalog/**'],
    rules: forbid(
      ['**/http/**', '**/store/**', '**/exports/**', '**/client/**'],
      'catalog knows no HTTP or SQL',
    ),
  },
  {
    files: ['exports/**'],
    rules: forbid(['**/server/http/**', '**/client/**'], 'exports knows nothing of HTTP or the client'),
  },
  {
    files: ['client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/exports/**'],
              allowTypeImports: true,
              message: 'client takes types only',
            },
          ],
        },
      ],
    },
  },
);
