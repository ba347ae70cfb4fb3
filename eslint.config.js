import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in Node, the browser and tests: it never reaches into the UI,
    // the CLI, React, xterm or Monaco.
    files: ['src/engine/**/*.ts'],
    // Tests may read fixtures from disk; the code under test may not.
    ignores: ['src/engine/**/*.test.ts', 'src/engine/**/*.fixture.ts', 'src/engine/**/testkit.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/ui/**', '**/cli/**'], message: 'src/engine must not import from ui or cli.' },
          { group: ['react', 'react-dom', '@xterm/*', 'monaco-editor', 'monaco-yaml', 'node:*'], message: 'src/engine stays free of UI frameworks and Node built-ins.' },
        ],
      }],
      'no-console': 'error',
    },
  },
);
