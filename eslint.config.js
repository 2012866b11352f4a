import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layer rule: renderer -> core contract only; electron, server -> core, db; core -> db; db -> nothing of ours.
// Every layer may use the logger in src/log.
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.bench-data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/db/**'],
    rules: restrict([
      { group: ['**/core/**', '**/electron/**', '**/server/**', '**/renderer/**'], message: 'db/ depends on nothing of ours but log/.' },
    ]),
  },
  {
    files: ['src/core/**'],
    rules: restrict([
      { group: ['**/electron/**', '**/server/**', '**/renderer/**', 'electron', 'react', 'react-dom'], message: 'core/ has no host, no DOM and no React.' },
    ]),
  },
  {
    files: ['src/electron/**', 'src/server/**'],
    rules: restrict([{ group: ['**/renderer/**'], message: 'Hosts talk to the renderer only through the AppApi contract.' }]),
  },
  {
    files: ['src/renderer/**'],
    rules: restrict([
      { group: ['**/db/**', '**/electron/**', '**/server/**', '**/log/**', 'electron', 'better-sqlite3', 'node:*'], message: 'The renderer imports only the contract from core.' },
      {
        regex: '/core/(?!api/(contract|methods|views|requests|bridge|backup|interview|stats)\\.js$|decks/schema\\.js$|settings/schema\\.js$|interview/(timer|score)\\.js$)',
        message: 'The renderer imports only the contract from core (core/api, decks/schema, settings/schema) and the dependency-free interview timer and score.',
      },
    ]),
  },
);
