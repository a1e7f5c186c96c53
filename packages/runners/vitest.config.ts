import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Integration tests share one Docker daemon and one Python cache; run files one at a time.
    fileParallelism: false,
    testTimeout: 30_000,
  },
});
