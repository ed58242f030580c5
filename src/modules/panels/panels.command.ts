import { z } from 'zod';
import {
  addAgendaItem, addDecision, addMeeting, addPanelAction, createPanel, getPanel, listPanels, updateAgendaItem, updatePanelAction, type PanelDetail,
} from './index.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { PANELS_HELP } from './panels.help.js';
import { runJsonWork, type JsonWork } from '../../platform/cli/json-work.js';
import { cliIo } from '../../platform/cli/io.js';

/** Panel work for scripts: the JSON bodies of the /api/panels routes (see json-work.ts). */
const PANEL_WORK: Record<string, JsonWork> = {
  create: { run: (db, k, a, _id, b) => createPanel(db, k, a, b), done: 'Set up', noId: true },
  meeting: { run: (db, k, a, id, b) => addMeeting(db, k, a, id, b), done: 'Recorded a meeting of' },
  agenda: { run: (db, k, a, id, b, r) => addAgendaItem(db, k, a, id, r.meeting!, b), done: 'Added an agenda item to', refs: ['meeting'] },
  'agenda-update': { run: (db, k, a, id, b, r) => updateAgendaItem(db, k, a, id, r.item!, b), done: 'Updated an agenda item of', refs: ['item'] },
  decision: { run: (db, k, a, id, b, r) => addDecision(db, k, a, id, r.meeting!, b), done: 'Recorded a decision of', refs: ['meeting'] },
  action: { run: (db, k, a, id, b, r) => addPanelAction(db, k, a, id, r.meeting!, b), done: 'Added an action to', refs: ['meeting'] },
  'action-update': { run: (db, k, a, id, b, r) => updatePanelAction(db, k, a, id, r.item!, b), done: 'Updated an action of', refs: ['item'] },
};

const jsonSchema = z.object({ json: z.boolean().default(false) });

function panelText(p: PanelDetail): string {
  const lines = [`Panel ${p.id}: ${p.name} (${p.kind.replace(/_/g, ' ')}; ${p.districts.join(', ')})${p.chair ? `, chair ${p.chair}` : ''}`];
  if (p.memberAgencies.length) lines.push(`  members: ${p.memberAgencies.map((a) => a.name).join(', ')}`);
  for (const m of p.meetings) {
    lines.push(`  meeting ${m.heldOn}${m.location ? ` at ${m.location}` : ''} (${m.attendees.length} attended)`);
    for (const i of m.agenda) {
      const what = i.problem ? `problem ${i.problem.id}: ${i.problem.title}` : `plan ${i.plan!.id} (${i.plan!.subjectKind?.replace(/_/g, ' ')}, ${i.plan!.status})`;
      lines.push(`    ${i.position}. ${what}${i.note ? ` - ${i.note}` : ''}`);
    }
    for (const d of m.decisions) lines.push(`    decision: ${d.text}`);
    for (const a of m.actions) lines.push(`    action [${a.status}] ${a.description} (${a.ownerName}${a.dueDate ? `, due ${a.dueDate}` : ''})${a.overdue ? ' OVERDUE' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `hub panels list|show`: the panel services acting as cli:<os user> (every panel; audited). */
export async function runPanels(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const out = (v: unknown, json: boolean, text: () => string) => cliIo().stdout.write(json ? `${JSON.stringify(v, null, 2)}\n` : text());
  if (sub === 'list') {
    const { values } = parseCommandArgs(rest, { json: { type: 'boolean' } }, jsonSchema);
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const panels = await listPanels(handle.db, auditKey, { kind: 'cli', name: actor });
      out(panels, values.json, () => panels.map((p) => `${String(p.id).padStart(5)}  ${p.name.padEnd(32)} ${p.districts.join(', ').padEnd(20)} last ${p.lastMeeting ?? '-'}  next ${p.nextMeeting ?? '-'}  open actions ${p.openActions}\n`).join('') || 'No panels.\n');
      return 0;
    });
  }
  if (sub === 'show') {
    const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' } }, jsonSchema);
    if (!/^\d+$/.test(positionals[0] ?? '')) {
      cliIo().stderr.write(`hub panels show: give the panel id\n\n${PANELS_HELP}\n`);
      return 2;
    }
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const p = await getPanel(handle.db, auditKey, { kind: 'cli', name: actor }, Number(positionals[0]));
      out(p, values.json, () => panelText(p));
      return 0;
    });
  }
  const work = sub === undefined ? undefined : PANEL_WORK[sub];
  if (work) return runJsonWork('panel', work, rest);
  cliIo().stderr.write(`${PANELS_HELP}\n`);
  return 2;
}
