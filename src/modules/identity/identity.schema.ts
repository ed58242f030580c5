import { z } from 'zod';
import { ROLES } from '../../platform/policy.js';
import { passwordProblems } from './password-policy.js';

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'may hold letters, digits, dot, dash and underscore only')
  .transform((s) => s.toLowerCase());

const district = z.string().trim().min(1).max(80);

export const newUserSchema = z
  .object({
    username: usernameSchema,
    role: z.enum(ROLES),
    password: z.string(),
    displayName: z.string().trim().max(100).optional(),
    districts: z.array(district).max(50).default([]),
    partnerAgency: z.string().trim().min(2).max(100).optional(),
  })
  .superRefine((u, ctx) => {
    for (const p of passwordProblems(u.password, u.username)) ctx.addIssue({ code: 'custom', path: ['password'], message: p });
    if ((u.role === 'officer' || u.role === 'supervisor') && u.districts.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['districts'], message: `${u.role === "officer" ? "an" : "a"} ${u.role} needs at least one district` });
    }
    if (u.role === 'partner' && !u.partnerAgency) ctx.addIssue({ code: 'custom', path: ['partnerAgency'], message: 'a partner account needs its agency' });
    if (u.role !== 'partner' && u.partnerAgency) ctx.addIssue({ code: 'custom', path: ['partnerAgency'], message: 'only partner accounts have an agency' });
  });
export type NewUser = z.output<typeof newUserSchema>;

export const signInSchema = z.object({ username: z.string().max(200), password: z.string().max(1000) });

export const passwordChangeSchema = z.object({ currentPassword: z.string().max(1000), newPassword: z.string().max(1000) });

export const userPatchSchema = z.object({
  role: z.enum(ROLES).optional(),
  displayName: z.string().trim().max(100).nullable().optional(),
  districts: z.array(district).max(50).optional(),
  partnerAgency: z.string().trim().min(2).max(100).nullable().optional(),
  disabled: z.boolean().optional(),
});
