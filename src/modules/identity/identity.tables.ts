import type { Generated } from 'kysely';

import type { Role } from '../../platform/policy.js';

export { ROLES, type Role } from '../../platform/policy.js';

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  role: Role;
  partner_agency: string | null;
  password_hash: string;
  is_demo: Generated<boolean>;
  disabled_at: Date | null;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
  /** Set for accounts whose password was shown on a console (demo accounts): change it before any other work. */
  must_change_password: Generated<boolean>;
}

export interface IdentityTables {
  app_user: AppUserTable;
  user_district: { user_id: number; district: string };
  user_session: {
    token_hash: string;
    user_id: number;
    csrf_token: string;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Date;
  };
  sign_in_failure: { id: Generated<number>; client: string; at: Generated<Date> };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends IdentityTables {}
}
