// Module boundaries (ARCHITECTURE.md, "Rules"). A module is a folder under src/modules/, except
// src/modules/analytics/, where each folder is a module and the files directly in
// src/modules/analytics/ are shared by them. Other code reaches a module through its index.ts only.
// Type-only imports count too (tsPreCompilationDeps).
const MODULE = '^src/modules/(?!analytics/)([^/]+)/';
const ANALYTICS_MODULE = '^src/modules/analytics/([^/]+)/';
const INDEX = '^src/modules/(?:analytics/)?[^/]+/index\\.ts$';
const ANALYTICS_SHARED = '^src/modules/analytics/[^/]+\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'outside-into-module-internals',
      comment: 'cli/, server/, bench/, contracts/, platform/ and ingest/ use a module through its index.ts only.',
      severity: 'error',
      from: { path: '^src/(?!modules/)' },
      to: { path: '^src/modules/', pathNot: [INDEX, ANALYTICS_SHARED] },
    },
    {
      name: 'module-into-other-module-internals',
      comment: "A module imports another module's index.ts only.",
      severity: 'error',
      from: { path: MODULE },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', INDEX] },
    },
    {
      name: 'analytics-module-into-other-module-internals',
      comment: "An analytics module imports another module's index.ts only (shared analytics files are allowed).",
      severity: 'error',
      from: { path: ANALYTICS_MODULE },
      to: { path: '^src/modules/', pathNot: ['^src/modules/analytics/$1/', INDEX, ANALYTICS_SHARED] },
    },
    {
      name: 'module-into-composition-root',
      comment: 'Modules never import the composition roots (cli/, server/) or benchmarks.',
      severity: 'error',
      from: { path: '^src/(modules|platform|ingest|contracts)/' },
      to: { path: '^src/(cli|server|bench)/' },
    },
    {
      name: 'platform-into-modules',
      comment: 'platform/ is plumbing without domain knowledge: it imports no module.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'pure-analytics-does-io',
      comment:
        'Pure analytics: every file under src/modules/analytics/ except *.service.ts, *.routes.ts, *.command.ts, *.queries.ts, *-worker.ts, *.db.test.ts, *.http.test.ts and index.ts. They take arrays and parameters and return results: no database, files, network or server.',
      severity: 'error',
      from: {
        path: '^src/modules/analytics/',
        pathNot: ['\\.(service|routes|command|queries)\\.ts$', '-worker\\.ts$', '\\.(db|http)\\.test\\.ts$', '/index\\.ts$'],
      },
      to: {
        path: [
          '^src/platform/(db|audit|config|http|logger)',
          '^src/modules/(?!analytics/)',
          '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads)$',
          'node_modules/(kysely|pg|@electric-sql|hono|@hono)/',
        ],
      },
    },
    {
      name: 'src-into-test',
      comment: 'Application code never imports test helpers or fixtures.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(test/|src/test-support/)' },
    },
    {
      name: 'no-circular-between-modules',
      severity: 'warn',
      from: { path: '^src/modules/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|web|node_modules)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
