// Shared by the server and the web app: type-only and import-free.

/** One thing due, with its status on the day asked about (platform/lifecycle/due.ts builds it). */
export interface DueEntry {
  /** The module that listed it ('problems', 'plans', ...). */
  source: string;
  kind: string;
  recordType: string;
  recordId: number;
  itemId: number | null;
  /** What is due, in words for the officer. */
  what: string;
  district: string | null;
  owner: string | null;
  due: string;
  legalSource?: string | undefined;
  overdue: boolean;
  daysOverdue: number;
}

/** The answer of GET /api/due ("My tasks"): what is due for the caller, from every case module. */
export interface DueListing {
  asOf: string;
  /** The last day looked at: asOf plus horizonDays. */
  until: string;
  horizonDays: number;
  /** The modules asked (each lists what it holds in the caller's scope). */
  sources: string[];
  /** Overdue first (oldest first), then by date. */
  items: DueEntry[];
}
