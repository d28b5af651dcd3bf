import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'migrations/*-*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Controllers declare themselves with @ApiController, which binds the HTTP interceptors to
    // each one (they are not global, so socket commands skip them: api-controller.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/common/http/api-controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/common',
              importNames: ['Controller'],
              message: 'Use @ApiController (src/common/http/api-controller.ts): it binds the HTTP interceptors.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure rules stay free of the framework, the ORM and I/O (STYLE.md: a framework-free core).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'pg', 'socket.io', 'socket.io-client'],
              message: 'src/domain is plain TypeScript: no framework, ORM or driver.',
            },
            {
              group: ['node:fs', 'node:net', 'node:http', 'fs', 'net', 'http', 'node:child_process'],
              message: 'src/domain does no I/O.',
            },
            {
              group: ['../../modules/*', '../../modules/**', '../../database/*', '../../common/*'],
              message: 'src/domain does not depend on the application layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.e2e-spec.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      '**/testing/**/*.ts',
      '**/fixtures/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The pages' ES modules run in the browser (web/assets/js).
    files: ['web/**/*.js', 'test/support/page-audit.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'history',
          'navigator',
          'localStorage',
          'fetch',
          'crypto',
          'performance',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'URLSearchParams',
          'Node',
          'NodeFilter',
          'getComputedStyle',
          'console',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
