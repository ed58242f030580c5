// Issue 9 item 13: the case-study export leaked "Zoë" and "José" because `\b` only knows ASCII.
import { describe, expect, it } from 'vitest';
import { buildCaseStudy, caseStudyHtml, caseStudyPreview, caseStudyPreviewText, redact, redactMarked, REDACTED } from './case-study.js';
import { deliveryOf } from './problem.js';
import { completeProblem } from './problem.fixture.js';

const R = REDACTED;

describe('redaction in any script', () => {
  it('removes names with accents at either end (the leak of issue 9)', () => {
    expect(redact('Zoë was hit; Zoë ran home. José saw it.', ['Zoë', 'José'])).toBe(`${R} was hit; ${R} ran home. ${R} saw it.`);
    expect(redact('Siobhán and Nguyễn met Åsa', ['Siobhán', 'Nguyễn', 'Åsa'])).toBe(`${R} and ${R} met ${R}`);
  });

  it('folds case in every script', () => {
    expect(redact('ZOË, zoë and JOSÉ; ΣΩΚΡΆΤΗΣ', ['Zoë', 'josé', 'Σωκράτης'])).toBe(`${R}, ${R} and ${R}; ${R}`);
    expect(redact('ДМИТРИЙ и Дмитрий', ['дмитрий'])).toBe(`${R} и ${R}`);
  });

  it('matches a name typed decomposed (NFD) in the text or in the list, and without its accents', () => {
    const nfd = 'Zoë'.normalize('NFD');
    expect(nfd).not.toBe('Zoë');
    expect(redact(`${nfd} said`, ['Zoë'])).toBe(`${R} said`);
    expect(redact('Zoë said', [nfd])).toBe(`${R} said`);
    expect(redact(`${'Nguyễn'.normalize('NFD')} and Nguyen`, ['Nguyễn'])).toBe(`${R} and ${R}`);
    expect(redact('Jose and Zoe', ['José', 'Zoë'])).toBe(`${R} and ${R}`);
  });

  it('handles possessives, apostrophes and hyphens inside names', () => {
    expect(redact("Zoë's bike and Zoë’s coat", ['Zoë'])).toBe(`${R}'s bike and ${R}’s coat`);
    expect(redact('O’Neill, O\'Neill, ONeill and o\'neill', ["O'Neill"])).toBe(`${R}, ${R}, ${R} and ${R}`);
    expect(redact('Mary-Jane, Mary Jane and Mary‑Jane', ['Mary-Jane'])).toBe(`${R}, ${R} and ${R}`);
    expect(redact('Anne-Marie Lewis-Khan came', ['Anne-Marie', 'Lewis-Khan', 'Anne-Marie Lewis-Khan'])).toBe(`${R} came`);
  });

  it('keeps whole names only: other words that contain a name are left', () => {
    expect(redact('John Smith met Smithers, Johnson and john', ['John', 'Smith', 'John Smith'])).toBe(`${R} met Smithers, Johnson and ${R}`);
    expect(redact('Zoëy and Ezoë stayed', ['Zoë'])).toBe('Zoëy and Ezoë stayed');
    expect(redact('a name like Name', ['Name', 'a'])).toBe(`a ${R} like ${R}`);
  });

  it('never re-redacts its own marker, and returns NFC text', () => {
    expect(redact('Removed Name', ['Removed', 'Name', 'removed name'])).toBe(R);
    expect(redact('Café'.normalize('NFD'), ['x y'])).toBe('Café');
  });

  it('marks each redaction for the preview; the published text has no marks', () => {
    const marked = redactMarked('Zoë met José', ['Zoë', 'José']);
    expect(marked).not.toBe(`${R} met ${R}`);
    expect(redact('Zoë met José', ['Zoë', 'José'])).toBe(`${R} met ${R}`);
  });
});

describe('case study preview and export', () => {
  const detail = (over: Record<string, unknown>) => ({
    ...completeProblem({ stage: 'closed', ...over }), people: [], places: [], owner: null, ownerUsername: null, actions: [], history: [], assessment: null,
    delivery: deliveryOf([]), quality: { score: 0, max: 8, percent: 0, criteria: [] }, warnings: [], next: null,
  });

  it('the export and the preview carry the same text; the preview marks every redaction', () => {
    const d = detail({ statement: 'Zoë’s bike was taken twice; ZOË and José named Nguyễn.', lessons: 'Ask Siobhán first.' });
    const names = ['Zoë', 'José', 'Nguyễn', 'Siobhán'];
    const cs = buildCaseStudy(d as never, names);
    const html = caseStudyHtml(cs, { id: 1, closedAt: null, generatedAt: '2026-01-01T00:00:00Z' });
    for (const n of ['Zoë', 'ZOË', 'José', 'Nguyễn', 'Siobhán', '\uE000', '\uE001']) expect(html).not.toContain(n);
    expect(html).toContain(`${R}’s bike`);
    const p = caseStudyPreview(cs);
    const statement = p.sections.find((s) => s.heading === 'Scanning')!.paragraphs[0]!;
    expect(statement).toEqual([
      { text: R, redacted: true }, { text: '’s bike was taken twice; ' }, { text: R, redacted: true }, { text: ' and ' },
      { text: R, redacted: true }, { text: ' named ' }, { text: R, redacted: true }, { text: '.' },
    ]);
    // statement twice (summary and scanning) = 8, lessons = 1
    expect(p.redactions).toBe(9);
    const previewText = p.sections.map((s) => s.paragraphs.map((segs) => segs.map((x) => x.text).join('')).join('\n')).join('\n');
    for (const s of p.sections) for (const para of s.paragraphs) expect(html).toContain(`<p>${para.map((x) => x.text).join('')}</p>`);
    expect(previewText).not.toMatch(/Zoë|José|Nguyễn|Siobhán/);
  });

  it('the terminal preview (hub problems export --preview) shows each redaction', () => {
    const cs = buildCaseStudy(detail({ statement: 'José’s shop again' }) as never, ['José']);
    const text = caseStudyPreviewText(caseStudyPreview(cs));
    expect(text).toContain('»[name removed]«’s shop again');
    expect(text).toContain('2 names were removed, shown as »[name removed]«. Check the text before you export it.');
    expect(text).not.toContain('José');
  });
});
