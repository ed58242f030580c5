/** The versioned configuration store: defaults in the repository, local versions in the database. */
import { defineModule } from '../module/module.js';
import { configRoutes as routesOfConfig } from './config.routes.js';
import { CONFIG_HELP } from './config.help.js';
export { CONFIG_DEFAULTS, RANKS, type ConfigKey, type ConfigKind, type KeyDefinition, type DefaultVersion } from './defaults.js';
export { ConfigSnapshot, defaultVersions, planNewVersion, registerValueCheck, selectingDate, valueProblem, type ConfigReader, type ConfigValue, type ConfigVersion, type NewVersion } from './store.js';
export { configHistory, listConfig, loadConfig, localVersions, setConfigValue, configSetSchema, configListQuerySchema, type ConfigListing } from './config.service.js';
export { configRoutes } from './config.routes.js';
export { configPolicy } from './config.policy.js';
export type { ConfigTables } from './config.tables.js';


/** The configuration store as a hub part: its routes and `hub config`. */
export const configModule = defineModule({
  name: 'config',
  routes: ({ db, auditKey }) => routesOfConfig(db, auditKey),
  commands: {
    config: { help: CONFIG_HELP, load: async () => (await import('./config.command.js')).runConfig },
  },
});
