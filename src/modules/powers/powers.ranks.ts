/**
 * The rank of each officer's account. An act's issuing rank (and the rank of whoever records an act
 * outside the rules) comes from the signed-in account when it holds one: typing another rank is
 * refused. An account with no rank, and the command line (the operator records for others), may
 * still state the rank; the record says where its rank came from. Only admins set ranks (audited).
 */
import { z } from 'zod';
import { RANKS } from '../../platform/config-store/index.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { actorName, authorize, type Principal } from '../../platform/policy.js';
import { parseOrThrow } from '../../platform/validate.js';
import { findUserByName } from '../identity/index.js';
import { powersPolicy, type PowersAction } from './powers.policy.js';

const allow = (ctx: Pick<ServiceContext, 'actor'>, action: PowersAction): Principal | null => (ctx.actor.kind === 'user' ? authorize(powersPolicy, action, ctx.actor.principal) : null);

export type RankFrom = 'account' | 'stated';

export async function accountRank(db: Db, userId: number): Promise<string | null> {
  const r = await db.selectFrom('power_officer_rank').select('rank').where('user_id', '=', userId).executeTakeFirst();
  return r?.rank ?? null;
}

const words = (rank: string) => rank.replace(/_/g, ' ');

/**
 * Puts the account's rank on the draft (police issuer, and the outside-rules recorder) and says
 * where each rank came from. Throws 400 when a typed rank differs from the account's.
 */
export async function applyAccountRank(db: Db, principal: Principal | null, input: { issuer: { agency: string; rank?: string | null | undefined }; outsideRules?: { recorderRank?: string | undefined } | undefined }): Promise<{ issuerRankFrom: RankFrom | null; recorderRankFrom: RankFrom | null }> {
  const held = principal ? await accountRank(db, principal.id) : null;
  const issuer = input.issuer;
  let issuerRankFrom: RankFrom | null = null;
  if (issuer.agency !== 'police') {
    if (issuer.rank) throw new AppError('validation', `issuer.rank: only a police issuer has a rank (the issuer is ${words(issuer.agency)})`, [{ field: 'issuer.rank', message: 'only for a police issuer' }]);
  } else if (held) {
    if (issuer.rank && issuer.rank !== held) {
      throw new AppError('validation', `issuer.rank: your account records your rank as ${words(held)}, not ${words(issuer.rank)}; the officer who did the act records it, or an administrator corrects the account`, [{ field: 'issuer.rank', message: `your account's rank is ${words(held)}` }]);
    }
    issuer.rank = held;
    issuerRankFrom = 'account';
  } else if (issuer.rank) {
    issuerRankFrom = 'stated';
  }
  let recorderRankFrom: RankFrom | null = null;
  const outside = input.outsideRules;
  if (outside) {
    if (held) {
      if (outside.recorderRank && outside.recorderRank !== held) {
        throw new AppError('validation', `outsideRules.recorderRank: your account records your rank as ${words(held)}, not ${words(outside.recorderRank)}`, [{ field: 'outsideRules.recorderRank', message: `your account's rank is ${words(held)}` }]);
      }
      outside.recorderRank = held;
      recorderRankFrom = 'account';
    } else if (outside.recorderRank) {
      recorderRankFrom = 'stated';
    }
  }
  return { issuerRankFrom, recorderRankFrom };
}

/** The signed-in officer's rank (null: the account holds none). */
export async function myRank(ctx: ServiceContext): Promise<{ username: string | null; rank: string | null }> {
  const principal = allow(ctx, 'powers.rank_read');
  if (!principal) return { username: null, rank: null };
  return { username: principal.username, rank: await accountRank(ctx.db, principal.id) };
}

export async function listRanks(ctx: ServiceContext): Promise<{ officers: { username: string; rank: string; setBy: string; setAt: string }[] }> {
  allow(ctx, 'powers.ranks');
  const rows = await ctx.db.selectFrom('power_officer_rank').selectAll().orderBy('username').execute();
  return { officers: rows.map((r) => ({ username: r.username, rank: r.rank, setBy: r.set_by, setAt: r.set_at.toISOString() })) };
}

const setSchema = z.object({
  username: z.string().trim().min(1, 'is required').max(100),
  rank: z.enum(RANKS, { error: `must be one of ${RANKS.join(', ')}, or null to clear it` }).nullable(),
}).strict();

/** Sets (or clears, rank null) the rank of an account; audited in the same transaction. */
export async function setRank(ctx: ServiceContext, body: unknown): Promise<{ username: string; rank: string | null }> {
  allow(ctx, 'powers.ranks');
  const input = parseOrThrow(setSchema, body);
  return ctx.tx(async (t) => {
    const user = await findUserByName(t.db, input.username);
    if (!user) throw new AppError('validation', `username: no account ${input.username}`, [{ field: 'username', message: 'no such account' }]);
    if (user.disabled_at) throw new AppError('validation', `username: the account ${user.username} is disabled`, [{ field: 'username', message: 'account disabled' }]);
    if (input.rank && user.role === 'partner') throw new AppError('validation', `rank: ${user.username} is a partner account; ranks are for police officers`, [{ field: 'rank', message: 'not for a partner account' }]);
    const before = await accountRank(t.db, user.id);
    const by = actorName(t.actor);
    if (input.rank === null) await t.db.deleteFrom('power_officer_rank').where('user_id', '=', user.id).execute();
    else {
      await t.db.insertInto('power_officer_rank').values({ user_id: user.id, username: user.username, rank: input.rank, set_by: by })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ rank: input.rank!, set_by: by, set_at: t.now() })).execute();
    }
    await t.audit({ action: 'powers.rank_set', recordType: 'user', recordId: String(user.id), details: { username: user.username, before, after: input.rank } });
    return { username: user.username, rank: input.rank };
  });
}
