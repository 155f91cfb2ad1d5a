// ESLint: typescript-eslint and eslint-plugin-svelte recommended rules; formatting is Prettier's (eslint-config-prettier).
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default ts.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'public/',
      'data/raw/',
      'bench/.work/',
      'tests/fixtures/',
      '.cache/',
      'templates/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      // `a && b()` and `c ? d() : e()` as statements are a house idiom
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // a leading underscore marks a parameter or binding kept on purpose
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Maps and Sets built and read inside one computation (a $derived, a function) need no reactivity;
      // the state classes hold their reactive collections in $state explicitly
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    // page.evaluate callbacks read untyped browser globals (axe, deck's debug hooks)
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
