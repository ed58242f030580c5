import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../platform/db/database.js';
import { handleError, validationHook } from '../../platform/http.js';
import type { AppEnv } from '../../platform/policy.js';
import { userCaller } from './caller.js';
import { mergePlaces } from './merge.service.js';
import { mergeSchema, newPlaceSchema, newVehicleSchema, placeCheckSchema, sharingSchema, transferSchema, vehiclePersonSchema } from './people.schema.js';
import { checkPlaceDuplicates, createPlace, getPlace, searchPlaces } from './places.service.js';
import { body, candidate, createOr409, duplicates409, errors, idParam, json, mergeResult, ok, record, sharingState } from './routes-support.js';
import { setSharing, transferOwnership } from './sharing.service.js';
import { createVehicle, getVehicle, linkVehiclePerson, searchVehicles } from './vehicles.service.js';

const placeSub = <S extends z.ZodType, O extends z.ZodType>(path: string, summary: string, schema: S, okSchema: O) =>
  createRoute({ method: 'post', path: `/api/places/{id}/${path}`, summary, request: { params: idParam, ...body(schema) }, responses: { ...errors, 200: json(okSchema, 'Done') } });
const vehicle = z.object({ id: z.number(), vrm: z.string(), make: z.string().nullable(), model: z.string().nullable(), colour: z.string().nullable(), district: z.string() });

const routes = {
  duplicates: createRoute({
    method: 'post', path: '/api/places/duplicates', summary: 'Likely duplicates of a place (same normalised address, or a point within 25 m)',
    request: body(placeCheckSchema), responses: { 200: json(z.object({ candidates: z.array(candidate) }), 'Candidates the caller may see'), 400: errors[400], 403: errors[403] },
  }),
  search: createRoute({
    method: 'get', path: '/api/places', summary: 'Searches places by name, address or postcode within your scope',
    request: { query: z.object({ q: z.string().optional(), district: z.string().optional(), limit: z.string().optional() }) },
    responses: { 200: json(z.object({ places: z.array(record) }), 'Matching places'), 400: errors[400], 403: errors[403] },
  }),
  create: createRoute({
    method: 'post', path: '/api/places', summary: 'Creates a place: address or point, premises type; LSOA and district from the point (409 with likely duplicates unless "confirmNew": true)',
    request: body(newPlaceSchema), responses: { 201: json(record, 'Created: id, district, lsoaCode'), 400: errors[400], 403: errors[403], 409: duplicates409 },
  }),
  get: createRoute({
    method: 'get', path: '/api/places/{id}', summary: 'A place with its occurrences and sharing status (a merged place gives mergedInto)',
    request: { params: idParam }, responses: { 200: json(record, 'The place'), 403: errors[403], 404: errors[404] },
  }),
  merge: placeSub('merge', 'Merges this place into another (admin, supervisor)', mergeSchema, mergeResult),
  sharing: placeSub('sharing', 'Sets the information-sharing status of a place (admin, supervisor)', sharingSchema, sharingState),
  transfer: placeSub('transfer', 'Moves ownership of a place to another agency; consent goes back to needs_review', transferSchema, sharingState),
  vehicles: createRoute({
    method: 'get', path: '/api/vehicles', summary: 'Finds vehicles by (part of) a registration mark',
    request: { query: z.object({ vrm: z.string().optional() }) }, responses: { 200: json(z.object({ vehicles: z.array(vehicle) }), 'Vehicles'), 403: errors[403] },
  }),
  vehicleCreate: createRoute({
    method: 'post', path: '/api/vehicles', summary: 'Records a vehicle (VRM normalised to upper case without spaces; 400 for an impossible VRM)',
    request: body(newVehicleSchema), responses: { 200: json(z.object({ id: z.number(), vrm: z.string(), existing: z.boolean() }), 'Recorded already (visible to you)'), 201: json(z.object({ id: z.number(), vrm: z.string(), existing: z.boolean() }), 'Created'), 400: errors[400], 403: errors[403], 409: errors[409] },
  }),
  vehicleGet: createRoute({
    method: 'get', path: '/api/vehicles/{id}', summary: 'A vehicle and the people linked to it (within your scope)',
    request: { params: idParam }, responses: { 200: json(record, 'The vehicle'), 403: errors[403], 404: errors[404] },
  }),
  vehiclePerson: createRoute({
    method: 'post', path: '/api/vehicles/{id}/people', summary: 'Links a person to a vehicle (owner, keeper, driver, user)',
    request: { params: idParam, ...body(vehiclePersonSchema) }, responses: { 201: json(ok, 'Linked'), ...errors },
  }),
};

/** /api/places and /api/vehicles (roles in people.policy.ts, scope in scope.ts). */
export function placeRoutes(db: Db, auditKey: Buffer) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  const who = (c: { get: (k: 'principal') => AppEnv['Variables']['principal'] }) => userCaller(c.get('principal'));
  const id = (c: { req: { param: (k: string) => string | undefined } }) => Number(c.req.param('id'));
  app.openapi(routes.duplicates, async (c) => c.json({ candidates: await checkPlaceDuplicates(db, auditKey, who(c), c.req.valid('json')) }, 200));
  app.openapi(routes.search, async (c) => c.json({ places: await searchPlaces(db, auditKey, who(c), c.req.valid('query')) }, 200));
  app.openapi(routes.create, async (c) => createOr409(c, () => createPlace(db, auditKey, who(c), c.req.valid('json'))) as never);
  app.openapi(routes.get, async (c) => c.json(await getPlace(db, auditKey, who(c), id(c)), 200));
  app.openapi(routes.merge, async (c) => c.json(await mergePlaces(db, auditKey, who(c), id(c), c.req.valid('json')), 200));
  app.openapi(routes.sharing, async (c) => c.json(await setSharing(db, auditKey, who(c), 'place', id(c), c.req.valid('json')), 200));
  app.openapi(routes.transfer, async (c) => c.json(await transferOwnership(db, auditKey, who(c), 'place', id(c), c.req.valid('json')), 200));
  app.openapi(routes.vehicles, async (c) => c.json({ vehicles: await searchVehicles(db, auditKey, who(c), c.req.valid('query').vrm) }, 200));
  app.openapi(routes.vehicleCreate, async (c) => {
    const v = await createVehicle(db, auditKey, who(c), c.req.valid('json'));
    return v.existing ? c.json(v, 200) : c.json(v, 201);
  });
  app.openapi(routes.vehicleGet, async (c) => c.json(await getVehicle(db, auditKey, who(c), id(c)), 200));
  app.openapi(routes.vehiclePerson, async (c) => {
    await linkVehiclePerson(db, auditKey, who(c), id(c), c.req.valid('json'));
    return c.json({ ok: true }, 201);
  });
  return app;
}
