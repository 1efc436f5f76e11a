import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/functions/**/*.test.ts',
      'tests/cli/**/*.test.ts',
      'tests/hardening/**/*.test.ts',
    ],
    // The CLI tests start real processes (tsx, a Blobs server) several times per test: on a loaded
    // 2-core machine one took over 30 s. A slow machine should give a slow pass, not a failure.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
