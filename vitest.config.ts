import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Closes the network to all but loopback in every file, so no test can reach the internet.
    setupFiles: ['test/setup/network.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: keep worker count modest so Redis/HTTP suites don't starve each other.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/conversation/**'] },
      },
      {
        // The conversation suite: every file starts the same application, so a worker imports it once
        // (botbuilder, restify, twilio... are most of a file's time) and runs its files one after another.
        // Each file still starts and closes its own bot; nothing else is shared between files.
        extends: true,
        test: { name: 'conversation', include: ['test/conversation/**/*.test.ts'], isolate: false },
      },
    ],
  },
});
