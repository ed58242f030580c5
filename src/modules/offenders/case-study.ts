/**
 * The offender case study (pure), in the shape of the report's "Chloe" study: who the person was
 * (by a chosen pseudonym, age at the start), the intervention, what changed (the before/after
 * counts with their warnings), and the lessons. The person's names and aliases become the
 * pseudonym; carers' and staff names are removed; then the redaction check looks again for every
 * name in the finished text.
 */
import { limitWords, MARK_CLOSE, MARK_OPEN, markedSegments, redactMarked, unmarked, type CaseStudy } from '../problems/index.js';
import { ageOn } from '../../platform/time/london.js';
import type { BeforeAfter } from './before-after.js';
import type { TagAllocation } from './tags.service.js';
import { TAG_TYPE_LABEL } from './tag-rules.js';

export interface CaseStudyInput {
  pseudonym: string;
  background?: string | undefined;
  response?: string | undefined;
  benefits?: string[] | undefined;
  lessons?: string | undefined;
  dateOfBirth: string | null;
  allocation: TagAllocation | null;
  anchor: { kind: 'tag' | 'cohort'; label: string; start: string };
  beforeAfter: BeforeAfter;
  limits: string[];
}

export const OFFENDER_PRIVACY_NOTE =
  'Pseudonymised: the person is named only by a chosen pseudonym; parents, carers and staff are not named. Dates of birth, ' +
  'addresses and record references are left out. Counts describe one person and are not evidence that the intervention worked.';

/** The person's own names become the pseudonym; then other names are removed (marked for the preview). */
export function pseudonymise(text: string, own: readonly string[], others: readonly string[], pseudonym: string): string {
  // Other people's names first ("Mrs Young" goes whole), then the person's own names in what is left.
  return markedSegments(redactMarked(text, others))
    .map((s) => (s.redacted ? `${MARK_OPEN}${s.text}${MARK_CLOSE}` : markedSegments(redactMarked(s.text, own)).map((x) => (x.redacted ? pseudonym : x.text)).join('')))
    .join('');
}

/** Names of either list still in a published text (the redaction check): 0 when clean. */
export function remainingNames(text: string, names: readonly string[]): number {
  return markedSegments(redactMarked(unmarked(text), names)).filter((s) => s.redacted).length;
}

export function buildOffenderCaseStudy(i: CaseStudyInput, names: { own: string[]; others: string[] }): { study: CaseStudy; check: { remaining: number } } {
  const clean = (s: string | undefined) => (s ? pseudonymise(s, names.own, names.others, i.pseudonym) : '');
  const age = i.dateOfBirth ? ageOn(i.dateOfBirth, i.anchor.start) : null;
  const a = i.allocation;
  const what = a ? `a ${a.funder}-funded ${TAG_TYPE_LABEL[a.tagType]} tag` : `the ${i.anchor.label.replace(/ from \d{4}-\d{2}-\d{2}$/, '')} cohort`;
  const w = i.beforeAfter.windows;
  const title = a ? `${TAG_TYPE_LABEL[a.tagType]} tag` : 'Offender management cohort';
  const intro = `${i.pseudonym}${age !== null ? ` was ${age} when` : ' was the person when'} ${a ? `${what} was fitted voluntarily` : `selected into ${what}`} (${i.anchor.start.slice(0, 7)}).`;
  const changes = i.beforeAfter.byType.map((c) => `${c.type}${c.kind === 'outcome' ? ' (outcome)' : ''}: ${c.before} in the ${w.before.days} days before, ${c.after} in the ${w.after.days} days ${a ? 'during and after' : 'after'}.`);
  const t = i.beforeAfter.totals;
  const sections = [
    { heading: `Who ${i.pseudonym} was`, paragraphs: [intro, i.background ?? ''] },
    { heading: 'The intervention', paragraphs: [i.response ?? '', a ? `Consent: ${a.consent.parentOrCarer ? 'the child and a parent or carer agreed' : 'the person agreed'}; monitoring ${a.allocatedOn.slice(0, 7)}${a.monitoringUntil ? ` to ${a.monitoringUntil.slice(0, 7)}` : ''}; ${a.events.filter((e) => e.kind === 'alert').length} alert(s) recorded.` : ''] },
    { heading: `The benefits${a ? ` of the ${TAG_TYPE_LABEL[a.tagType]} tag` : ''} were`, paragraphs: i.benefits ?? [] },
    {
      heading: 'What the records show',
      paragraphs: [
        `Recorded incidents: ${t.incidents.before} in the ${w.before.days} days before and ${t.incidents.after} in the ${w.after.days} days from the start.`,
        ...changes, ...i.beforeAfter.warnings, ...i.limits,
      ],
    },
    { heading: 'Lessons', paragraphs: [i.lessons ?? ''] },
  ].map((s) => ({ heading: clean(s.heading), paragraphs: s.paragraphs.filter((p) => p.trim() !== '').map((p) => limitWords(clean(p), 800)) })).filter((s) => s.paragraphs.length > 0);
  const summary = limitWords(clean([intro, `Recorded incidents went from ${t.incidents.before} to ${t.incidents.after} over equal windows of ${w.after.days} days.`, i.beforeAfter.warnings[0]!].join(' ')), 400);
  const study: CaseStudy = {
    title: clean(`Case study – ${title}: "${i.pseudonym}"`), summary, sections, privacyNote: OFFENDER_PRIVACY_NOTE,
    words: { summary: summary.split(/\s+/).length, description: sections.reduce((n, s) => n + s.paragraphs.join(' ').split(/\s+/).length, 0) },
  };
  const all = [study.title, study.summary, ...sections.flatMap((s) => [s.heading, ...s.paragraphs])].map(unmarked).join('\n');
  return { study, check: { remaining: remainingNames(all, [...names.own, ...names.others]) } };
}

const esc = (s: string) => unmarked(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** A self-contained HTML document (inline style, no scripts); the benefits as a bulleted list, as in the report. */
export function offenderCaseStudyHtml(cs: CaseStudy, meta: { generatedAt: string }): string {
  const body = cs.sections.map((s) => {
    const list = s.heading.startsWith('The benefits');
    return `<h2>${esc(s.heading)}</h2>\n${list ? `<ul>${s.paragraphs.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}`;
  }).join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${esc(cs.title)}</title>
<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #ccc}.summary{background:#f3f6f9;padding:.8rem 1rem;border-left:4px solid #1d70b8}
.note{font-size:.9rem;color:#444;border:1px solid #ccc;padding:.5rem .8rem}</style></head>
<body>
<h1>${esc(cs.title)}</h1>
<p class="note">Prevention Hub offender management case study; exported ${esc(meta.generatedAt.slice(0, 10))}.</p>
<p class="note" data-privacy>${esc(cs.privacyNote)}</p>
<div class="summary"><p>${esc(cs.summary)}</p></div>
${body}
</body></html>
`;
}
