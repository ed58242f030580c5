// Test tiers, run in this order (sequence.groupOrder):
//   unit         pure and fast: src/**/*.test.ts, test/**/*.test.ts and web/src/**/*.test.ts (not db/http/browser)
//   db-pglite    *.db.test.ts and *.http.test.ts on embedded PGlite (each file gets a copy of a
//                template data dir migrated once per run: test/setup/template-db.ts)
//   db-postgres  the same files again on a PostgreSQL server, when HUB_TEST_PG_URL is set
//                (each file creates and drops its own database hub_test_<random>, made
//                from the run's migrated template database hub_tmpl_<random>)
//   browser      test/browser/*.browser.test.ts in headless Chromium, when HUB_TEST_BROWSER=1
// The database tiers need a compiled dist/ (PGlite worker, CLI): test/setup/ensure-build.ts
// rebuilds it when missing or stale.
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const nodeExclude = ['**/node_modules/**', 'dist/**', 'web/**', '.scratch/**'];
const dbFiles = ['src/**/*.db.test.ts', 'src/**/*.http.test.ts', 'test/**/*.db.test.ts', 'test/**/*.http.test.ts'];

function dbProject(name: string, engine: 'pglite' | 'postgres', groupOrder: number): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name,
      include: dbFiles,
      exclude: [...nodeExclude, 'test/browser/**'],
      // The PGlite tier must not see the server URL (helpers that only look for HUB_TEST_PG_URL
      // would otherwise run it on PostgreSQL too).
      env: engine === 'pglite' ? { HUB_TEST_ENGINE: engine, HUB_TEST_PG_URL: '' } : { HUB_TEST_ENGINE: engine },
      // ensure-build first: the template is migrated by the PGlite worker from dist/.
      globalSetup: ['test/setup/ensure-build.ts', 'test/setup/template-db.ts'],
      // Files share the 2 cores with the database (PGlite worker / PostgreSQL): one at a time.
      fileParallelism: false,
      sequence: { groupOrder },
    },
  };
}

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      // web/src/**/*.test.ts: pure web helpers (formats, ordering), type-checked by web/tsconfig.json.
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
      exclude: [...nodeExclude.filter((g) => g !== 'web/**'), '**/*.db.test.ts', '**/*.http.test.ts', '**/*.browser.test.ts'],
      sequence: { groupOrder: 0 },
    },
  },
  dbProject('db-pglite', 'pglite', 1),
];

if (process.env.HUB_TEST_PG_URL) projects.push(dbProject('db-postgres', 'postgres', 2));

if (process.env.HUB_TEST_BROWSER === '1') {
  projects.push({
    extends: true,
    test: {
      name: 'browser',
      include: ['test/browser/**/*.browser.test.ts'],
      exclude: nodeExclude,
      // ensure-build first: server.setup.ts runs the CLI (import, serve) from dist/ and, unless
      // HUB_TEST_BASE_URL is set, serves real Kent data on a free port for the journey.
      globalSetup: ['test/setup/ensure-build.ts', 'test/browser/server.setup.ts'],
      fileParallelism: false,
      sequence: { groupOrder: 3 },
    },
  });
}

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    projects,
  },
});
