/**
 * People, places and vehicles: shared by every case module. Other modules link people to their
 * records (linkPerson), record occurrences for repeat ranking (recordOccurrence), check scope
 * (assertPersonVisible, personDistricts) and follow merges (survivorOf).
 */
import { defineModule } from '../../platform/module/module.js';
import { peopleRoutes as routesOfPeople } from './people.routes.js';
import { placeRoutes as routesOfPlaces } from './places.routes.js';
import { peopleRetention, peopleSubjectAccess, removeDemoPeople } from './people.module-parts.js';
import { PEOPLE_HELP, VEHICLES_HELP } from './people.help.js';
export { linkPerson, unlinkPerson, peopleLinkedTo, recordOccurrence } from './person-records.service.js';
export { personDistricts, assertPersonVisible, assertVisible, isVisible, viewerOf, visibleCondition, type Viewer } from './scope.js';
export { findPlace } from './places.service.js';
export { survivorOf } from './merge.service.js';
export { sharingOf, type SharingState } from './sharing.service.js';
export { userCaller, cliCaller, type Caller } from './caller.js';
export { ageAt, isChildAt, normaliseVrm } from './person-facts.js';
export { lsoaOfPoint, knownDistricts } from './location.js';
export { LINK_ROLES, PREMISES_TYPES, SHARING_STATUSES, type LinkRole, type PremisesType, type SharingStatus, type PeopleTables } from './people.tables.js';
export { linkSchema, occurrenceSchema, newPersonSchema, newPlaceSchema, newVehicleSchema, repeatsQuerySchema } from './people.schema.js';
export { createPerson, getPerson, breakGlassPerson, searchPeople, updatePerson, checkPersonDuplicates } from './people.service.js';
export { createPlace, getPlace, searchPlaces, checkPlaceDuplicates } from './places.service.js';
export { createVehicle, getVehicle, searchVehicles, linkVehiclePerson } from './vehicles.service.js';
export { mergePeople, mergePlaces } from './merge.service.js';
export { repeatPeople } from './repeats.service.js';
export { setSharing, transferOwnership } from './sharing.service.js';
export { peopleRoutes } from './people.routes.js';
export { placeRoutes } from './places.routes.js';
export { namesHeld } from './names.js';

export { deleteLinksTo } from './people.module-parts.js';
export { recordIdsOfPerson } from './merge.service.js';

export const peopleModule = defineModule({
  name: 'people',
  routes: ({ db, auditKey }) => routesOfPeople(db, auditKey).route('/', routesOfPlaces(db, auditKey)),
  commands: {
    people: { help: PEOPLE_HELP, load: async () => (await import('./people.command.js')).runPeople },
    vehicles: { help: VEHICLES_HELP, load: async () => (await import('./vehicles.command.js')).runVehicles },
  },
  retention: peopleRetention,
  subjectAccess: peopleSubjectAccess,
  demo: { order: 10, remove: removeDemoPeople },
});
