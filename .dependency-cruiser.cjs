// Module boundaries (ARCHITECTURE.md, "Rules"). A module is a folder under src/modules/, except
// src/modules/analytics/, where each folder is a module and the files directly in
// src/modules/analytics/ are shared by them. Other code reaches a module through its index.ts only.
// Type-only imports count too (tsPreCompilationDeps).
const MODULE = '^src/modules/(?!analytics/)([^/]+)/';
const ANALYTICS_MODULE = '^src/modules/analytics/([^/]+)/';
const INDEX = '^src/modules/(?:analytics/)?[^/]+/index\\.ts$';
const ANALYTICS_SHARED = '^src/modules/analytics/[^/]+\\.ts$';
// The registry and its views: the composition roots (server/, cli/) and tests iterate it; modules never
// import it (they get its views as HubViews from the server and the CLI).
const REGISTRY = '^src/modules/(registry|composition)\\.ts$';
// Test code: test files, src/test-support/, the route-matrix seam. It may use a module's test fixtures
// and route-matrix contribution (never built into dist/), the whole app and the registry.
const TEST_CODE = ['\\.test\\.ts$', '^src/test-support/', '^src/server/route-matrix\\.modules\\.ts$'];
const MODULE_TEST_FILES = '(\\.test|\\.route-matrix|\\.fixture|-fixtures)\\.ts$';
const TEST_SUPPORT_FILES = ['\\.route-matrix\\.ts$', '(\\.fixture|-fixtures)\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'outside-into-module-internals',
      comment: 'cli/, server/, bench/, contracts/, platform/ and ingest/ use a module through its index.ts only (the registry excepted).',
      severity: 'error',
      from: { path: '^src/(?!modules/)', pathNot: TEST_CODE },
      to: { path: '^src/modules/', pathNot: [INDEX, ANALYTICS_SHARED, REGISTRY] },
    },
    {
      name: 'outside-into-module-internals-from-tests',
      comment: "Tests outside a module use it through its index.ts too, apart from its fixtures and route-matrix contribution.",
      severity: 'error',
      from: { path: TEST_CODE, pathNot: '^src/modules/' },
      to: { path: '^src/modules/', pathNot: [INDEX, ANALYTICS_SHARED, REGISTRY, ...TEST_SUPPORT_FILES] },
    },
    {
      name: 'module-into-other-module-internals',
      comment: "A module imports another module's index.ts only (its tests may also use other modules' fixtures and the registry).",
      severity: 'error',
      from: { path: MODULE, pathNot: MODULE_TEST_FILES },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', INDEX] },
    },
    {
      name: 'module-tests-into-other-module-internals',
      comment: "A module's tests use another module through its index.ts, fixtures and route-matrix contribution, and may use the registry.",
      severity: 'error',
      from: { path: `${MODULE}.*${MODULE_TEST_FILES}` },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', INDEX, REGISTRY, ...TEST_SUPPORT_FILES] },
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
      comment:
        'Modules never import the composition roots (cli/, server/) or benchmarks. Test files are composition roots of their own (an HTTP test needs the whole app; a test may read the shared open data the benchmarks locate).',
      severity: 'error',
      from: { path: '^src/(modules|platform|ingest|contracts)/', pathNot: '\\.test\\.ts$' },
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
        'Pure analytics: every file under src/modules/analytics/ except *.service.ts, *.routes.ts, *.command.ts, *.cli.ts, *.queries.ts, *-worker.ts / *.worker.ts, tests, index.ts and the compute/ module (the worker pool that runs them). They take arrays and parameters and return results: no database, files, network or server.',
      severity: 'error',
      from: {
        path: '^src/modules/analytics/',
        pathNot: ['\\.(service|routes|command|queries|cli)\\.ts$', '[.-]worker\\.ts$', '\\.test\\.ts$', '/index\\.ts$', '^src/modules/analytics/compute/'],
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
      from: { path: '^src/', pathNot: [...TEST_CODE, MODULE_TEST_FILES] },
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
