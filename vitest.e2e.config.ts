import {defineConfig} from 'vitest/config';

// Terminal-level tests run the built dist/cli.js in a real pseudo-terminal. They are
// kept apart so they run after the build and one file at a time (2 cores, real timing).
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		pool: 'forks',
		fileParallelism: false,
	},
});
