import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';


/** The layers and who may import whom (docs/architecture.md prints this table). */
const forbid = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export const LAYER_RULES = [
  forbid(['src/rules/**/*.ts'], ['../*', '../**'], 'rules are pure: they import only their own files (and luxon).'),
  forbid(['src/language/**/*.ts'], ['../*', '../**'], 'language reads which language a text is in and holds the turn\'s: it imports only its own files.'),
  // The account's demo file and the knowledge's policy and catalogue are read by one loader, and
  // account and knowledge may not import each other: it is a layer below both, importing nothing
  // of the application, so any layer may use it.
  forbid(['src/dataFiles/**/*.ts'], ['../*', '../**'], 'dataFiles reads and checks data files (YAML, zod): it imports only its own files.'),
  forbid(
    ['src/understanding/**/*.ts'],
    ['**/bot/**', '**/dialogs/**', '**/conversation/**', '**/channels/**', '**/handoff/**', '**/storage/**', '**/account/**', '**/messages/**'],
    'understanding reads text: it may use rules, never the bot, dialogs, channels, storage or accounts.',
  ),
  forbid(
    ['src/conversation/**/*.ts'],
    ['**/bot/**', '**/dialogs/**', '**/channels/**', '**/handoff/**', '**/storage/**', '**/account/**'],
    'conversation is the channel-neutral core: it may use understanding and knowledge only.',
  ),
  forbid(
    ['dialogs/**/*.ts'],
    ['**/src/bot/**', '**/src/channels/**', '**/src/handoff/**', '**/src/storage/**', '**/src/account/*', '!**/src/account/types.js', '!**/src/account/ruleFacts.js'],
    'dialogs reach accounts, channels, storage and handoff only through the ports the composition root passes in.',
  ),
  forbid(['src/bot/**/*.ts'], ['**/channels/**'], 'the bot is channel-neutral: renderers and channel code are wired in by the composition root.'),
  forbid(
    ['src/account/**/*.ts'],
    ['**/bot/**', '**/dialogs/**', '**/conversation/**', '**/understanding/**', '**/channels/**', '**/handoff/**', '**/messages/**'],
    'account is the account API, demo source and linking: no NLU, no replies.',
  ),
  forbid(
    ['src/storage/**/*.ts'],
    ['../config.js', '**/bot/**', '**/dialogs/**', '**/conversation/**', '**/channels/**', '**/handoff/**', '**/account/**'],
    'storage takes its own settings and knows nothing of the application.',
  ),
  forbid(
    ['src/knowledge/**/*.ts'],
    ['**/bot/**', '**/dialogs/**', '**/conversation/**', '**/channels/**', '**/handoff/**', '**/storage/**', '**/account/**'],
    'knowledge loads and ranks content; it may use rules only.',
  ),
  forbid(['src/channels/**/*.ts'], ['**/bot/**', '**/dialogs/**', '**/handoff/**'], 'channels render replies and carry activities; they never route.'),
  forbid(['src/handoff/**/*.ts'], ['**/bot/**', '**/dialogs/**'], 'handoff is reached by the bot through its relay, not the other way round.'),
  forbid(
    ['src/http/**/*.ts'],
    ['../config.js', '**/bot/**', '**/dialogs/**', '**/conversation/**', '**/understanding/**', '**/channels/**', '**/handoff/**', '**/storage/**', '**/account/**', '**/knowledge/**', '**/messages/**'],
    'http guards the edge (bodies, upgrades, limits, refusals): it takes its own settings and knows nothing of the application.',
  ),
];

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
  ...LAYER_RULES,
  {
    // The package indexes load every part of the SDK: 'botbuilder' adds skills, streaming and Teams
    // helpers to botbuilder-core, and 'botbuilder-dialogs' loads its prompts with the Recognizers-Text
    // suites (together about 45 MB and 0.5 s CPU at each start; docs/benchmarks.md, Operations). The
    // runtime takes values from the files that define them; types may still come from the indexes.
    files: ['src/**/*.ts', 'dialogs/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'botbuilder', allowTypeImports: true, message: "import the value from 'botbuilder-core', 'botframework-schema' or 'botbuilder/lib/<file>.js' (the index loads the whole SDK)." },
            { name: 'botbuilder-dialogs', allowTypeImports: true, message: "import the value from 'botbuilder-dialogs/lib/<file>.js' (the index loads the prompts and Recognizers-Text)." },
            { name: 'twilio', allowTypeImports: true, message: "import the webhook check from 'twilio/lib/webhooks/webhooks.js' (the index loads the whole REST client)." },
          ],
        },
      ],
    },
  },
  {
    // The website chat's browser files (served as they are, no build step): browser globals only.
    files: ['src/channels/web/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
    rules: { 'no-restricted-globals': ['error', 'process', 'require'] },
  },
  {
    // The staff console's browser modules: tsc (// @ts-check, DOM lib) already checks every name they use.
    files: ['src/handoff/staff/console/**/*.js'],
    languageOptions: { sourceType: 'module' },
    rules: { 'no-undef': 'off', 'no-var': 'error', 'prefer-const': 'error' },
  },
);
