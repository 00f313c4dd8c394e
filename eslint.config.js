import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'scratch/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Rules and dialogs take time as an argument; the clock is read only at the edges.
    files: ['src/rules/**/*.ts', 'dialogs/**/*.ts', 'src/understanding/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'pass `now` in' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'pass `now` in' },
        { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']", message: 'pass `now` in' },
      ],
    },
  },
);
