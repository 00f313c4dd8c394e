import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Closes the network to all but loopback in every file, so no test can reach the internet.
    setupFiles: ['test/setup/network.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: keep worker count modest so Redis/HTTP suites don't starve each other.
    maxWorkers: 2,
  },
});
