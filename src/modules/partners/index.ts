/** Partner agencies: the force and the agencies records are shared with (councils, youth justice, ...). */
import { sql } from 'kysely';
import { DEMO_AGENCY_PREFIX, DEMO_PARTNER_AGENCY, deleteDemoRows } from '../../platform/demo/removal.js';
import { defineModule } from '../../platform/module/module.js';
import { partnerRoutes as routesOfPartners } from './partners.routes.js';
import { PARTNERS_HELP } from './partners.help.js';
export { listAgencies, findAgency, createAgency, updateAgency, homeAgencyId, agencyIdOfPrincipal, HOME_AGENCY } from './partners.service.js';
export type { Agency } from './partners.service.js';
export { AGENCY_KINDS, type AgencyKind, type PartnerTables } from './partners.tables.js';
export { newAgencySchema, agencyPatchSchema } from './partners.schema.js';
export { partnerRoutes, errorSchema, idParam } from './partners.routes.js';


export const partnersModule = defineModule({
  name: 'partners',
  routes: ({ db, auditKey }) => routesOfPartners(db, auditKey),
  commands: {
    partners: { help: PARTNERS_HELP, load: async () => (await import('./partners.command.js')).runPartners },
  },
  // Demo agencies: named 'DEMO …', or the demo partner account's agency.
  demo: {
    order: 5,
    remove: async (t) => {
      await deleteDemoRows(t.db, 'partner_agency', sql`(name like ${`${DEMO_AGENCY_PREFIX}%`} or name = ${DEMO_PARTNER_AGENCY})`);
    },
  },
});
