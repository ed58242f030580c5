import { OUTCOME_LABEL } from './problems.schema.js';
import type { ProblemDetail } from './problems.service.js';

/** The Tilley format: a summary of at most 400 words and a description of at most 4,000, no annexes. */
export const SUMMARY_WORDS = 400;
export const DESCRIPTION_WORDS = 4000;

export const PRIVACY_NOTE =
  'No personal data: this case study leaves out the names of victims, offenders and anyone else. The offender, victim and ' +
  'controller descriptions of the analysis are not exported, staff are named by role only, and the names of people linked to ' +
  'the problem are removed from the free text.';

export interface CaseStudy {
  title: string;
  summary: string;
  sections: { heading: string; paragraphs: string[] }[];
  privacyNote: string;
  words: { summary: number; description: number };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Cuts a text to `max` words, saying so. */
export function limitWords(text: string, max: number): string {
  const w = text.split(/\s+/).filter(Boolean);
  return w.length <= max ? w.join(' ') : `${w.slice(0, max - 2).join(' ')} [… shortened]`;
}

/** Wraps each redaction in the text of a built case study, so a preview can mark it; private-use characters. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
export const REDACTED = '[name removed]';
const MARKS = /[\uE000\uE001]/g;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const APOSTROPHES = "'\u2018\u2019\u02BC\u0060\u00B4";
const HYPHENS = '\\-\u2010\u2011\u2012\u2013\u2014';
/** Letters, marks and digits: a name starts and ends where none of these touch it (any script). */
const BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

/**
 * The pattern of one name over NFD text: its base letters in any case (the `iu` flags fold case
 * in every script), each with or without accents, so "Zoë", "ZOË", "Zoe", a decomposed "Zoë"
 * and "Nguyễn"/"Nguyen" all match; apostrophes (' ’ ʼ) optional and interchangeable, hyphens
 * and spaces interchangeable ("Mary-Jane", "Mary Jane"). A following 's (possessive) is left
 * as it is: "[name removed]'s".
 */
function namePattern(name: string): string | null {
  const base = name.normalize('NFD').replace(/\p{M}/gu, '').trim();
  if ([...base.replace(new RegExp(`[\\s${APOSTROPHES}${HYPHENS}]`, 'gu'), '')].length < 2) return null;
  let out = '';
  let sep = false;
  for (const ch of base) {
    if (/[\s\-\u2010-\u2014]/u.test(ch)) { sep = true; continue; }
    if (sep) { out += `[\\s${HYPHENS}]+`; sep = false; }
    if (APOSTROPHES.includes(ch)) out += `[${APOSTROPHES}]?`;
    else out += `${escapeRe(ch)}\\p{M}*`;
  }
  return out;
}

/**
 * Replaces every listed name (whole names in any script, any case, with or without accents,
 * typed composed or decomposed) with '[name removed]', each wrapped in MARK_OPEN/MARK_CLOSE.
 * The text comes back in NFC. Use `unmarked` for what is published, `markedSegments` for a preview.
 */
export function redactMarked(text: string, names: readonly string[]): string {
  let out = text.replace(MARKS, '').normalize('NFD');
  // One pass, longest name first: "Zoë Smith" is removed whole, and nothing is matched twice.
  const patterns = [...new Set(names.map(namePattern).filter((p): p is string => p !== null))].sort((a, b) => b.length - a.length);
  if (patterns.length > 0) {
    out = out.replace(new RegExp(`${BEFORE}(?:${patterns.join('|')})${AFTER}`, 'giu'), `${MARK_OPEN}${REDACTED}${MARK_CLOSE}`);
  }
  return out.normalize('NFC');
}

/** The published form of a marked text. */
export const unmarked = (s: string) => s.replace(MARKS, '');

/** A marked text cut into plain and redacted pieces, for a preview that shows every redaction. */
export function markedSegments(s: string): { text: string; redacted?: true }[] {
  const out: { text: string; redacted?: true }[] = [];
  for (const [i, part] of s.split(new RegExp(`(${MARK_OPEN}[^${MARK_CLOSE}]*${MARK_CLOSE})`, 'u')).entries()) {
    if (part === '') continue;
    out.push(i % 2 === 1 ? { text: unmarked(part), redacted: true } : { text: part });
  }
  return out;
}

/** Replaces every listed name with '[name removed]' (see redactMarked), as published. */
export function redact(text: string, names: readonly string[]): string {
  return unmarked(redactMarked(text, names));
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${Math.round(x * 100)}%`);

/** Builds the case study of a problem from its structured fields; `names` are redacted from every free text. Pure. */
export function buildCaseStudy(d: ProblemDetail, names: readonly string[]): CaseStudy {
  const clean = (s: string | null | undefined) => (s ? redactMarked(s, names) : '');
  const r = d.assessment?.result as { reading?: string; counts?: Record<string, { pre: number; post: number }>; p?: number | null; estTotal?: number; periods?: { pre: { from: string; to: string }; post: { from: string; to: string } }; harm?: { harmEst?: number; p?: number | null } | null } | undefined;
  const mechanisms = [...new Set(d.actions.map((a) => a.mechanism))];
  const agencies = [...new Set(d.actions.map((a) => a.partnerAgency).filter((x): x is string => x !== null))];
  const outcome = d.outcome ? OUTCOME_LABEL[d.outcome] : 'not recorded';
  const summary = limitWords(
    [
      `${d.title} (${d.district}): a ${d.statementType} problem.`,
      clean(d.statement),
      d.objectiveTarget ? `Objective: ${clean(d.objectiveTarget)} (baseline ${d.baselineFrom}..${d.baselineTo}).` : '',
      d.actions.length ? `Response: ${d.actions.length} action(s) (${mechanisms.join(', ')})${agencies.length ? ` with ${agencies.join(', ')}` : ''}; ${d.delivery.reading}.` : '',
      r?.reading ? `Assessment (weighted displacement difference): ${r.reading}.` : '',
      `Outcome on the impact scale: ${outcome}.`,
    ].filter(Boolean).join(' '),
    SUMMARY_WORDS,
  );
  const c = r?.counts;
  const sections = [
    { heading: 'Scanning', paragraphs: [clean(d.statement), d.whyProblem ? `Why it is a problem: ${clean(d.whyProblem)}` : '', d.source ? `Picked from a ${d.source.kind.replace('-', ' ')} in ${d.source.pickedFrom}..${d.source.pickedTo}.` : ''] },
    { heading: 'Analysis', paragraphs: [d.dataSources ? `Data sources: ${clean(d.dataSources)}` : '', d.hypotheses ? `Hypotheses: ${clean(d.hypotheses)}` : ''] },
    { heading: 'Response', paragraphs: d.actions.map((a) => `${clean(a.description)} (${a.mechanism}${a.partnerAgency ? `, with ${a.partnerAgency}` : ''}; ${a.status}).`) },
    {
      heading: 'Assessment',
      paragraphs: [
        r?.periods ? `Before ${r.periods.pre.from}..${r.periods.pre.to} and after ${r.periods.post.from}..${r.periods.post.to}, leaving out the month the response started.` : 'No evaluation was computed.',
        c ? `Counts before/after: target ${c.treated?.pre}/${c.treated?.post}, control ${c.control?.pre}/${c.control?.post}, displacement buffer ${c.dispTreated?.pre ?? 0}/${c.dispTreated?.post ?? 0}, control buffer ${c.dispControl?.pre ?? 0}/${c.dispControl?.post ?? 0}.` : '',
        r?.reading ? `WDD: ${r.reading}.` : '',
        r?.harm ? `Harm-weighted WDD: estimate ${r.harm.harmEst?.toFixed(1)} (p = ${r.harm.p?.toPrecision(2) ?? 'n/a'}).` : '',
        `Responses delivered: ${d.delivery.reading} (${pct(d.delivery.deliveredShare)}).`,
        ...d.warnings,
        `Outcome: ${outcome}${d.outcomeDetail ? ` — ${clean(d.outcomeDetail)}` : ''}.`,
        d.lessons ? `Lessons learned: ${clean(d.lessons)}` : '',
      ],
    },
  ].map((s) => ({ heading: s.heading, paragraphs: s.paragraphs.filter((p) => p.trim() !== '') }));
  let budget = DESCRIPTION_WORDS;
  for (const s of sections) {
    s.paragraphs = s.paragraphs.map((p) => {
      const cut = limitWords(p, Math.max(budget, 3));
      budget -= words(cut);
      return cut;
    });
  }
  const description = sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + words(p), 0), 0);
  return { title: clean(d.title), summary, sections, privacyNote: PRIVACY_NOTE, words: { summary: words(summary), description } };
}

const esc = (s: string) => unmarked(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

type Segments = { text: string; redacted?: true }[];

/** What the author checks before a case study leaves the system: the published text, each redaction marked. */
export interface CaseStudyPreview {
  title: Segments;
  summary: Segments;
  sections: { heading: string; paragraphs: Segments[] }[];
  privacyNote: string;
  words: CaseStudy['words'];
  redactions: number;
}

/** The case study as pieces of plain and redacted text (the same text as the export). */
export function caseStudyPreview(cs: CaseStudy): CaseStudyPreview {
  const sections = cs.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs.map(markedSegments) }));
  const title = markedSegments(cs.title);
  const summary = markedSegments(cs.summary);
  const redactions = [title, summary, ...sections.flatMap((s) => s.paragraphs)].reduce((n, segs) => n + segs.filter((x) => x.redacted).length, 0);
  return { title, summary, sections, privacyNote: cs.privacyNote, words: cs.words, redactions };
}

/** The preview as plain text for a terminal: each redaction shown as »[name removed]«. */
export function caseStudyPreviewText(p: CaseStudyPreview): string {
  const t = (segs: Segments) => segs.map((x) => (x.redacted ? `»${x.text}«` : x.text)).join('');
  const n = p.redactions;
  return [
    `Case study: ${t(p.title)}`,
    `${n === 0 ? 'No names were found to remove; make sure nobody can be identified.' : `${n === 1 ? 'One name was' : `${n} names were`} removed, shown as »[name removed]«.`} Check the text before you export it.`,
    '', 'Summary', t(p.summary),
    ...p.sections.flatMap((s) => ['', s.heading, ...s.paragraphs.map(t)]),
    '', p.privacyNote, '',
  ].join('\n');
}

/** A self-contained HTML document (inline style, no scripts) of the case study. */
export function caseStudyHtml(cs: CaseStudy, meta: { id: number; closedAt: string | null; generatedAt: string }): string {
  const body = cs.sections.map((s) => `<h2>${esc(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Case study: ${esc(cs.title)}</title>
<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #ccc}.summary{background:#f3f6f9;padding:.8rem 1rem;border-left:4px solid #1d70b8}
.note{font-size:.9rem;color:#444;border:1px solid #ccc;padding:.5rem .8rem}</style></head>
<body>
<h1>Case study: ${esc(cs.title)}</h1>
<p class="note">Prevention Hub problem ${meta.id}; closed ${esc(meta.closedAt?.slice(0, 10) ?? 'n/a')}; exported ${esc(meta.generatedAt.slice(0, 10))}. Tilley format: summary ${cs.words.summary} of at most ${SUMMARY_WORDS} words, description ${cs.words.description} of at most ${DESCRIPTION_WORDS} words, no annexes.</p>
<p class="note" data-privacy>${esc(cs.privacyNote)}</p>
<h2>Summary</h2>
<div class="summary"><p>${esc(cs.summary)}</p></div>
${body}
</body></html>
`;
}
