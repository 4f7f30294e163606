// Lint: ESLint's and typescript-eslint's recommended rules. Astro files are checked by `astro check`.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'var/',
      '.astro/',
      'cms/.next/',
      'cms/next-env.d.ts',
      'cms/payload-types.ts',
      'cms/migrations/',
      'cms/app/(payload)/admin/importMap.js',
      'tests/scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No export * barrels: export names explicitly.' },
      ],
    },
  },
  {
    files: ['site/**/*.ts', 'site/**/*.tsx'],
    ignores: ['site/lib/cms/**', 'site/env.d.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['payload', '**/cms/*', '!**/lib/cms', '!**/lib/cms/schemas'], message: 'The site reads the CMS only through site/lib/cms.' }] },
      ],
    },
  },
)
