// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TEST_FILES = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.contract.ts', '**/src/testing/**', 'e2e/**'];

// The house rule (ARCHITECTURE.md): packages/domain decides without I/O, so it may not reach a driver, the
// file system, the network, a UI framework or the environment. Adapters and apps do that over its ports.
const DOMAIN_FORBIDDEN_IMPORTS = [
  'drizzle-orm',
  'drizzle-orm/*',
  '@electric-sql/*',
  'pg',
  'pg/*',
  'kafkajs',
  '@aws-sdk/*',
  '@elastic/*',
  '@opensearch-project/*',
  '@duckdb/*',
  'node:*',
  'fs',
  'fs/*',
  'path',
  'child_process',
  'http',
  'https',
  'net',
  'next',
  'next/*',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  '@trpc/*',
  '@spice/db',
  '@spice/db/*',
  '@spice/adapters',
  '@spice/adapters/*',
];

const NO_IO = {
  group: DOMAIN_FORBIDDEN_IMPORTS,
  message: 'packages/domain imports no I/O: declare a port in src/ports and implement it in an adapter.',
};
/** Its document loader fetches remote contexts: shipped domain code reads JSON-LD itself; specs cross-check with it. */
const NO_JSONLD_LIBRARY = {
  group: ['jsonld', 'jsonld/*'],
  message: 'jsonld can fetch remote contexts: domain code reads JSON-LD itself (specs may cross-check with it).',
};
const NO_TEST_RUNNER = {
  group: ['vitest', 'vitest/*'],
  message: 'vitest belongs in *.spec.ts, *.contract.ts and src/testing/, not in domain code that ships.',
};

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      '**/.next/',
      '**/dist/',
      '**/.turbo/',
      '.stack/',
      '**/.spice/',
      '**/coverage/',
      '**/test-results/',
      '**/playwright-report/',
      '**/next-env.d.ts',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a deliberately unused binding (interface-mandated parameters, rest siblings).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },

  // Adapters wrap third-party clients whose typings are sometimes wrong or loose: `any` there is reported, not
  // fatal; elsewhere it needs an `eslint-disable-next-line ... -- why` comment.
  {
    files: ['packages/adapters/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'warn' },
  },
  {
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  {
    files: ['apps/web/**/*.{ts,tsx,js,mjs}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    settings: { next: { rootDir: 'apps/web/' } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      // The app router has no pages/ directory for this rule to resolve links against.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },

  {
    files: ['packages/domain/src/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_IO, NO_JSONLD_LIBRARY, NO_TEST_RUNNER] }],
      'no-restricted-globals': [
        'error',
        {
          name: 'process',
          message: 'packages/domain does not read the environment: take values as arguments.',
        },
        { name: 'fetch', message: 'packages/domain does no network I/O: call a port.' },
        { name: 'XMLHttpRequest', message: 'packages/domain does no network I/O: call a port.' },
        { name: 'WebSocket', message: 'packages/domain does no network I/O: call a port.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only packages/adapters/src/config reads process.env.',
        },
        {
          object: 'globalThis',
          property: 'process',
          message: 'packages/domain does not read the environment.',
        },
        {
          object: 'globalThis',
          property: 'fetch',
          message: 'packages/domain does no network I/O: call a port.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression:not([source.value=/^\\./])',
          message:
            'packages/domain loads no package at run time: import it statically so the import rules apply.',
        },
      ],
    },
  },
  {
    // Specs, port contract suites and their helpers run under vitest; they stay free of I/O libraries.
    files: [
      'packages/domain/src/**/*.spec.ts',
      'packages/domain/src/**/*.contract.ts',
      'packages/domain/src/testing/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_IO] }] },
  },
);
