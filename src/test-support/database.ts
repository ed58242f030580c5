/** Test databases (PGlite or PostgreSQL by tier): one helper for the whole suite, in test/helpers. */
export { adminPgUrl, openTestDatabase, testEngine, type TestDatabase } from '../../test/helpers/test-db.js';
