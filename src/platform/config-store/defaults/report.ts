/** The quarterly report: disclosure profiles (LAW-2026.md section 4). A profile applies to a whole edition. */
import { always, type KeyDefinition } from './kinds.js';

export const REPORT_DEFAULTS = {
  'report.disclosure.internal': {
    description: 'Disclosure profile "internal": exact counts, nothing hidden, with a protective marking banner. For readers inside the force and the partnership.',
    kind: 'json',
    versions: [always({ label: 'Internal (no suppression)', marking: 'OFFICIAL-SENSITIVE', suppress: null, roundTo: null, percentMinDenominator: 1, secondary: false }, 'Local policy: internal reports carry exact figures under a protective marking')],
  },
  'report.disclosure.public': {
    description: 'Disclosure profile "public": counts 1 to 7 shown as *, others rounded to the nearest 5, zero shown; totals from unrounded data then rounded; percentages from the rounded numbers and only when the denominator is at least 50; secondary suppression.',
    kind: 'json',
    versions: [always({ label: 'Public (counts 1-7 hidden, others rounded to 5)', marking: 'OFFICIAL', suppress: { from: 1, to: 7 }, roundTo: 5, percentMinDenominator: 50, secondary: true }, 'NHS England HES disclosure control for sub-national outputs (LAW-2026.md section 4); the percentage threshold is local policy: a rounded denominator under 50 can move a percentage by 5 points or more')],
  },
  'report.disclosure.child': {
    description: 'Disclosure profile "child": counts under 10 hidden, zero included; exact counts otherwise; percentages only when the denominator is at least 10; secondary suppression.',
    kind: 'json',
    versions: [always({ label: 'Child-level (counts under 10 hidden, zero included)', marking: 'OFFICIAL', suppress: { from: 0, to: 9 }, roundTo: null, percentMinDenominator: 10, secondary: true }, 'UK LLC statistical disclosure control guidance: threshold of 10 with secondary suppression (LAW-2026.md section 4)')],
  },
} as const satisfies Record<string, KeyDefinition>;
