import { defineConfig } from 'vitest/config';

// The UI's pure modules (dictionary, rules, tree, CSV lines, problems) in
// plain Node; the screens are tested in a real browser by e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
});
