/**
 * Test projects: unit (pure functions), int-<adapter> (the same suite on a real Payload with a
 * fresh SQLite file, a fresh PostgreSQL database, and MongoDB when MONGODB_URL is set), and
 * e2e (the built server driven in Debian's Chromium).
 */
import { defineConfig } from 'vitest/config'

const integration = (adapter: 'sqlite' | 'postgres' | 'mongodb') => ({
  test: {
    name: `int-${adapter}`,
    include: ['tests/int/**/*.test.ts'],
    env: { TEST_ADAPTER: adapter, NODE_ENV: 'test' as const, APP_ENV: 'test' },
    globalSetup: ['tests/int/global-setup.ts'],
    setupFiles: ['tests/int/setup-env.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], env: { NODE_ENV: 'test' as const, APP_ENV: 'test' } } },
      integration('sqlite'),
      integration('postgres'),
      integration('mongodb'),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          maxWorkers: 1,
        },
      },
    ],
  },
})
