import { defineConfig } from 'vitest/config';

// Tests run against the compiled output in dist/ (npm test builds first), so the code under test
// is exactly what `npm start` runs, worker threads included.
export default defineConfig({
  test: {
    include: ['dist/**/*.test.js'],
    exclude: ['node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
