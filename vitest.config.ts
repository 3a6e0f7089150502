import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		exclude: ['test/e2e/**'],
		testTimeout: 20_000,
		pool: 'forks',
		// Process-level tests run the bundle exactly as npx would: build it once first.
		globalSetup: ['test/cli/global-setup.ts'],
	},
});
