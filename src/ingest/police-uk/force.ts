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
