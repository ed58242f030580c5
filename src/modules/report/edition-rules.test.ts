import { describe, expect, it } from 'vitest';
import { evaluate } from '../../platform/lifecycle/lifecycle.js';
import { EDITION_LIFECYCLE, namesIn } from './edition-rules.js';

const base = { profile: 'public', createdBy: 'user:analyst1', by: 'user:supervisor1', namesFound: [] };

describe('edition lifecycle', () => {
  it('draft -> approved -> published; approved back to draft; published is frozen', () => {
    expect(evaluate(EDITION_LIFECYCLE, 'draft', 'approved', base).allowed).toBe(true);
    expect(evaluate(EDITION_LIFECYCLE, 'approved', 'published', base).allowed).toBe(true);
    expect(evaluate(EDITION_LIFECYCLE, 'approved', 'draft', base).allowed).toBe(true);
    expect(evaluate(EDITION_LIFECYCLE, 'draft', 'published', base).transition).toBe(false);
    expect(evaluate(EDITION_LIFECYCLE, 'published', 'draft', base).transition).toBe(false);
  });
  it('the author cannot sign off their own edition', () => {
    expect(evaluate(EDITION_LIFECYCLE, 'draft', 'approved', { ...base, by: 'user:analyst1' }).findings.map((f) => f.rule)).toEqual(['report.approver_not_author']);
  });
  it('a public edition naming a person is refused at sign-off and publication; an internal one is not', () => {
    const named = { ...base, namesFound: [{ section: 'Youth', name: 'Jordan Smith' }] };
    expect(evaluate(EDITION_LIFECYCLE, 'draft', 'approved', named).findings.map((f) => f.rule)).toEqual(['report.narrative_names_person']);
    expect(evaluate(EDITION_LIFECYCLE, 'approved', 'published', named).allowed).toBe(false);
    expect(evaluate(EDITION_LIFECYCLE, 'draft', 'approved', { ...named, profile: 'internal' }).allowed).toBe(true);
  });
});

describe('names in a narrative', () => {
  it('finds whole names, case-insensitive, not parts of words; ignores names under 4 letters', () => {
    expect(namesIn('Work with jordan smith continued.', ['Jordan Smith', 'Smithers', 'Al'])).toEqual(['Jordan Smith']);
    expect(namesIn('The Smithfield estate', ['Smith'])).toEqual([]);
    expect(namesIn('Officers met Ms Okafor (Ramsgate).', ['Okafor'])).toEqual(['Okafor']);
    expect(namesIn('No names here', [])).toEqual([]);
    expect(namesIn('Jordan Okafor and later Okafor again', ['Okafor', 'Jordan Okafor'])).toEqual(['Jordan Okafor']);
  });
});
