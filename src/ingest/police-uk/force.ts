import { clip } from './fields.js';
import type { FileFacts, ForceClaim } from './parsed-file.js';

/** data.police.uk force ids: the names used in download file names. */
const special: Record<string, string> = {
  'metropolitan police service': 'metropolitan',
  'police service of northern ireland': 'northern-ireland',
  'british transport police': 'btp',
  'devon & cornwall police': 'devon-and-cornwall',
};

/** "Kent Police" -> kent, "City of London Police" -> city-of-london. */
export function forceIdFromName(name: string): string {
  const lower = name.trim().toLowerCase();
  const known = special[lower];
  if (known) return known;
  return lower
    .replace(/&/g, 'and')
    .replace(/\b(police service|police|constabulary)\b/g, '')
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface FileNameParts {
  month: string;
  force: string;
  kind: 'street' | 'stop-and-search' | 'outcomes';
}

/** Reads `2025-01-kent-street.csv` style names (the way data.police.uk names its files). */
export function parseFileName(fileName: string): FileNameParts | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const m = /^(\d{4}-\d{2})-([a-z0-9-]+?)-(street|stop-and-search|outcomes)\.csv$/i.exec(base);
  if (!m) return null;
  return { month: m[1]!, force: m[2]!.toLowerCase(), kind: m[3]!.toLowerCase() as FileNameParts['kind'] };
}

/**
 * Checks a row's "Reported by" (the force that supplied the data). The first row's decides the
 * file's force (its id, as in file names); a force named by the user (--force, the file name)
 * that disagrees, or a later row reported by another force, is a problem. Called only when the
 * value differs from the file's `reportedBy` so far. Returns the reason, or null.
 */
export function reporterProblem(reporter: string, facts: FileFacts, claims: readonly ForceClaim[]): string | null {
  if (reporter === '') return 'Reported by: empty (the force that supplied the row)';
  if (facts.reportedBy === null) {
    const force = forceIdFromName(reporter);
    facts.reportedBy = reporter;
    facts.force = force;
    const other = claims.find((c) => c.force !== force);
    return other ? `Reported by: the rows are from '${clip(reporter)}' (${force}), but ${other.from} says ${other.force}` : null;
  }
  if (reporter === facts.reportedBy) return null;
  return `Reported by: '${clip(reporter)}' differs from '${clip(facts.reportedBy)}' on the rows before (a file holds the rows of one force)`;
}
