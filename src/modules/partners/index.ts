/** Partner agencies: the force and the agencies records are shared with (councils, youth justice, ...). */
export { listAgencies, findAgency, createAgency, updateAgency, homeAgencyId, agencyIdOfPrincipal, HOME_AGENCY } from './partners.service.js';
export type { Agency } from './partners.service.js';
export { AGENCY_KINDS, type AgencyKind, type PartnerTables } from './partners.tables.js';
export { newAgencySchema, agencyPatchSchema } from './partners.schema.js';
export { partnerRoutes, errorSchema, idParam } from './partners.routes.js';
