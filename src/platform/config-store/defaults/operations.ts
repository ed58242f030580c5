/** Named operations: the tactics list, matching recorded stop searches to the open data, when results are due. */
import { always, type KeyDefinition } from './kinds.js';

export const OPERATIONS_DEFAULTS = {
  'operations.tactics': {
    description: 'The tactics a deployment of a named operation can record (editable list).',
    kind: 'code_list',
    versions: [always(['Passive drugs dog', 'Drug swabbing', 'Knife arch', 'Plain clothes', 'High visibility'], 'Kent Police quarterly report, Operation Pilot: passive drugs dogs, drug swabbing, knife detection and high-visibility policing; plain clothes alongside (Project Vigilant)')],
  },
  'operations.stop_search_matching': {
    description: 'How recorded stop searches are matched to the published stop-and-search data: a search counts for a deployment when it happened within timeSlackMinutes of the deployment\'s hours and within maxDistanceMetres of one of its venues, or when it names the operation and happened within the hours.',
    kind: 'json',
    versions: [always({ timeSlackMinutes: 30, maxDistanceMetres: 500 }, 'Local choice: the published locations are moved to the nearest anonymised map point (data.police.uk "About the data": location anonymisation), so a few hundred metres of tolerance is needed (verify with the force\'s data)')],
  },
  'operations.results_due_days': {
    description: 'Days after a deployment by which its results (arrests, stop searches, resolutions, engagements, intelligence, seizures) should be recorded; later it is listed on "My tasks".',
    kind: 'integer', unit: 'days',
    versions: [always(3, 'Local default (results recorded within three days of the deployment)')],
  },
} as const satisfies Record<string, KeyDefinition>;
