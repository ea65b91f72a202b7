import { defineConfig } from 'vitest/config';

// Pure package: plain Node vitest, no workerd needed.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'packs/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
