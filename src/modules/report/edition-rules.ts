/**
 * The lifecycle of a report edition: a draft (figures regenerated from the live records, the
 * narrative written, manual figures entered) is signed off by an approver who did not write it,
 * then published (frozen: its files are stored and never change). An approved edition goes back
 * to draft if it must change. A public or child-level edition's narrative must not name a person
 * the system holds (the redaction check, before sign-off and again before publication).
 */
import { defineLifecycle, type Lifecycle } from '../../platform/lifecycle/lifecycle.js';
import type { EditionStatus } from './report.tables.js';

export interface EditionMoveContext {
  profile: string;
  createdBy: string;
  /** Who makes the move. */
  by: string;
  /** Names of people found in the narrative, per section title. */
  namesFound: readonly { section: string; name: string }[];
}

export const EDITION_LIFECYCLE: Lifecycle<EditionStatus, EditionMoveContext> = defineLifecycle<EditionStatus, EditionMoveContext>({
  record: 'edition',
  states: ['draft', 'approved', 'published'],
  transitions: { draft: ['approved'], approved: ['published', 'draft'], published: [] },
  notAllowedMessage: (from, to) => (from === 'published' ? 'A published edition is frozen: generate a new edition instead' : `A ${from} edition cannot become ${to}: it is signed off first`),
  guards: [
    {
      applies: (_f, to) => to === 'approved',
      rule: {
        id: 'report.approver_not_author',
        check: (c) => (c.by === c.createdBy ? [{ field: 'approvedBy', message: 'The edition is signed off by someone other than its author' }] : []),
      },
    },
    {
      applies: (_f, to) => to === 'approved' || to === 'published',
      rule: {
        id: 'report.narrative_names_person',
        legalSource: 'UK GDPR Article 5(1)(c) (data minimisation); the disclosure profile of the edition',
        check: (c) =>
          c.profile === 'internal'
            ? []
            : c.namesFound.map((n) => ({ field: 'narrative', message: `The narrative of "${n.section}" names a person held in the system (${n.name}): remove the name before a ${c.profile} edition is signed off or published` })),
      },
    },
  ],
});

/** The names (of at least 4 characters) that a text contains as whole words, case-insensitive. */
export function namesIn(text: string, names: readonly string[]): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const n of names) {
    const name = n.trim();
    if (name.length < 4) continue;
    const re = new RegExp(`(^|[^\\p{L}])${name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
    if (re.test(lower) && !found.includes(name)) found.push(name);
  }
  // A family name found within a full name found is the same mention.
  return found.filter((n) => !found.some((m) => m !== n && m.toLowerCase().includes(n.toLowerCase())));
}
