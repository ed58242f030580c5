/** The versioned configuration store: defaults in the repository, local versions in the database. */
export { CONFIG_DEFAULTS, RANKS, type ConfigKey, type ConfigKind, type KeyDefinition, type DefaultVersion } from './defaults.js';
export { ConfigSnapshot, defaultVersions, planNewVersion, selectingDate, valueProblem, type ConfigReader, type ConfigValue, type ConfigVersion, type NewVersion } from './store.js';
export { configHistory, listConfig, loadConfig, localVersions, setConfigValue, configSetSchema, configListQuerySchema, type ConfigListing } from './config.service.js';
export { configRoutes } from './config.routes.js';
export { configPolicy } from './config.policy.js';
export type { ConfigTables } from './config.tables.js';
