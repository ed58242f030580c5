import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/policy.js';

/** Who acts: the principal whose role and scope are checked, and the actor name for the audit log. */
export interface Caller {
  principal: Principal;
  actor: string;
}

export const userCaller = (principal: Principal): Caller => ({ principal, actor: actorOf(principal) });

/** The operator's CLI acts with the admin's reach, audited as cli:<os user>. */
export const cliCaller = (actor: string): Caller => ({
  principal: { id: 0, username: actor, displayName: null, role: 'admin', partnerAgency: null, districts: [], isDemo: false },
  actor,
});

export interface DuplicateCandidate {
  id: number;
  label: string;
  reasons: string[];
}

/** 409 answer to a create that looks like an existing record: carries the candidates the caller may see. */
export class DuplicatesFound extends AppError {
  readonly candidates: DuplicateCandidate[];
  constructor(kind: 'person' | 'place', candidates: DuplicateCandidate[]) {
    super('conflict', `possible duplicate ${kind}: ${candidates.length} existing record(s) look alike; check them, then send "confirmNew": true to create a new record anyway`);
    this.candidates = candidates;
  }
}
