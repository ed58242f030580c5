// Shared by the server and the web app: type-only and import-free.

/** A due or overdue item of a Proactive Management Plan (GET /api/plans/tasks). */
export interface PlanTask {
  kind: 'review' | 'intervention' | 'partner_action';
  planId: number;
  itemId: number | null;
  district: string;
  owner: string;
  subjectKind: string;
  what: string;
  due: string;
  daysOverdue: number;
}

/** A panel's review of a problem: the agenda item, its note, and the decisions and actions taken on it (GET /api/panels/reviews). */
export interface ProblemReview {
  agendaItemId: number;
  panel: { id: number; name: string; kind: string };
  meeting: { id: number; heldOn: string };
  note: string | null;
  decisions: { id: number; text: string }[];
  actions: { id: number; description: string; ownerName: string; dueDate: string | null; status: string }[];
}
