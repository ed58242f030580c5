import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textInput, importFiles } from '../../../test/helpers/inputs.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { problemsTestApp } from '../../test-support/test-app.js';
import { chromiumPath } from './case-study.service.js';

const auditKey = Buffer.from('p'.repeat(32));
const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const rows = (month: string, lsoa: string, n: number) => Array.from({ length: n }, () => `,${month},Kent Police,Kent Police,1.381,51.381,On or near Test Street,${lsoa},Test,Anti-social behaviour,,`);

describe('problems over HTTP: contract, scope, stages, audit', () => {
  let t: TestDatabase;
  let req: Awaited<ReturnType<typeof problemsTestApp>>['req'];
  let agencyId = 0;
  let officerId = 0;
  const audits = async (recordId: string, action?: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'problem' and record_id = ${recordId} ${action ? sql`and action = ${action}` : sql``}`.execute(t.handle.db)).rows[0]!.n;

  beforeAll(async () => {
    t = await openTestDatabase();
    ({ req } = await problemsTestApp(t.handle, auditKey));
    agencyId = Number((await sql<{ id: number }>`insert into partner_agency (name, kind) values ('Thanet District Council', 'council') returning id`.execute(t.handle.db)).rows[0]!.id);
    officerId = Number((await sql<{ id: number }>`select id from app_user where username = 'officer1'`.execute(t.handle.db)).rows[0]!.id);
    const files = { '2025-01': [...rows('2025-01', 'E00000001', 12), ...rows('2025-01', 'E00000002', 10)], '2025-02': rows('2025-02', 'E00000001', 3), '2025-03': [...rows('2025-03', 'E00000001', 4), ...rows('2025-03', 'E00000002', 11)] };
    await importFiles(t.handle.db, Object.entries(files).map(([m, r]) => textInput(`${m}-kent-street.csv`, [HEADER, ...r].join('\n') + '\n')));
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('the contract: POST /api/problems answers 201 with stage objective; closing without an assessment answers 422 with the findings of the stage rules', async () => {
    const res = await req('officer', '/api/problems', 'POST', { title: 'ASB at Margate station', district: 'Thanet', statementType: 'behaviour' });
    expect(res.status).toBe(201);
    const p = (await res.json()) as { id: number; stage: string; title: string; district: string; statementType: string };
    expect(p).toMatchObject({ stage: 'objective', title: 'ASB at Margate station', district: 'Thanet', statementType: 'behaviour' });
    expect(typeof p.id).toBe('number');
    const close = await req('officer', `/api/problems/${p.id}/close`, 'POST');
    expect(close.status).toBe(422);
    const closeBody = (await close.json()) as { error: { code: string; message: string; findings: { rule: string; field?: string; message: string }[] } };
    expect(closeBody.error.code).toBe('rule_refused');
    expect(closeBody.error.findings).toContainEqual({ rule: 'problem.objective.target', field: 'objectiveTarget', message: 'Give a measurable target.' });
    expect(closeBody.error.findings).toContainEqual({ rule: 'problem.assessment.computed', message: 'Compute the assessment.' });
    const msg = closeBody.error.message;
    expect(msg).toMatch(/^Cannot close the problem: missing /);
    expect(msg).toContain('assessment: a computed assessment');
    expect(msg).toContain('objective: a measurable target (objectiveTarget)');
    expect(await audits(String(p.id), 'create')).toBe(1);
    expect(((await (await req('officer', `/api/problems/${p.id}`)).json()) as { stage: string }).stage).toBe('objective');
  });

  it('rejects bad input with the field and the reason, and changes nothing', async () => {
    const bad = await req('admin', '/api/problems', 'POST', { title: 'Bad', district: 'Thanet', statementType: 'weather' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('statementType: must be one of behaviour, place, persons, time');
    const before = (await sql<{ n: number }>`select count(*)::int as n from problem`.execute(t.handle.db)).rows[0]!.n;
    expect((await req('admin', '/api/problems', 'POST', { title: 'No district', statementType: 'place' })).status).toBe(400);
    expect((await req('admin', '/api/problems', 'POST', { title: 'Owner', district: 'Thanet', statementType: 'place', ownerId: 99999 })).status).toBe(400);
    expect((await sql<{ n: number }>`select count(*)::int as n from problem`.execute(t.handle.db)).rows[0]!.n).toBe(before);
  });

  it('scope: an officer of Thanet cannot see or change a Dover problem (404) nor open one (403); a partner reads only problems with an action of their agency', async () => {
    const dover = (await (await req('dover', '/api/problems', 'POST', { title: 'Dover seafront', district: 'Dover', statementType: 'place' })).json()) as { id: number };
    for (const [method, path, body] of [
      ['GET', `/api/problems/${dover.id}`], ['PATCH', `/api/problems/${dover.id}`, { statement: 'x' }], ['POST', `/api/problems/${dover.id}/stage`, { stage: 'scanning' }],
      ['POST', `/api/problems/${dover.id}/close`], ['GET', `/api/problems/${dover.id}/counts`], ['POST', `/api/problems/${dover.id}/actions`, { description: 'Patrols', mechanism: 'enforcement' }],
      ['POST', `/api/problems/${dover.id}/assessment`, {}], ['GET', `/api/problems/${dover.id}/case-study.html`],
    ] as const) {
      expect((await req('officer', path, method, body)).status, `${method} ${path}`).toBe(404);
      expect((await req('supervisor', path, method, body)).status, `${method} ${path}`).toBe(404);
    }
    expect((await req('officer', '/api/problems', 'POST', { title: 'Not mine', district: 'Dover', statementType: 'place' })).status).toBe(403);
    const board = (await (await req('officer', '/api/problems')).json()) as { problems: { district: string }[] };
    expect(board.problems.every((p) => p.district === 'Thanet')).toBe(true);
    expect(((await (await req('analyst', '/api/problems?district=Dover')).json()) as { problems: unknown[] }).problems).toHaveLength(1);
    // partner: nothing until their agency has an action, and never a change
    expect((await req('partner', `/api/problems/${dover.id}`)).status).toBe(404);
    expect((await req('admin', `/api/problems/${dover.id}/actions`, 'POST', { description: 'Council CCTV review', mechanism: 'situational', partnerAgencyId: agencyId })).status).toBe(201);
    expect((await req('partner', `/api/problems/${dover.id}`)).status).toBe(200);
    expect((await req('partner', `/api/problems/${dover.id}`, 'PATCH', { statement: 'x' })).status).toBe(403);
    expect((await req('auditor', '/api/problems')).status).toBe(403);
    // the role is checked before the body: an invalid body from a partner is still 403
    expect((await req('partner', '/api/problems', 'POST', { statementType: 'weather' })).status).toBe(403);
  });

  it('walks the stages: each move needs its fields and is recorded; close, then export the case study without names', async () => {
    const create = await req('supervisor', '/api/problems', 'POST', {
      title: 'Repeat ASB at Test Street', district: 'Thanet', statementType: 'place',
      source: { kind: 'repeat-location', label: 'On or near Test Street', pickedFrom: '2025-01', pickedTo: '2025-01', figures: { count: 12, previousCount: 0 }, filter: { lsoa: ['E00000001'], district: [] } },
    });
    expect(create.status).toBe(201);
    const p = (await create.json()) as { id: number; statement: string; filter: { lsoa: string[] } };
    const id = p.id;
    expect(p.statement).toBe("Repeat location 'On or near Test Street' picked from 2025-01..2025-01: 12 incidents, 0 in the period before.");
    expect(p.filter.lsoa).toEqual(['E00000001']);
    const early = await req('supervisor', `/api/problems/${id}/stage`, 'POST', { stage: 'scanning' });
    expect(early.status).toBe(422);
    const earlyBody = (await early.json()) as { error: { message: string; findings: { field?: string }[] } };
    expect(earlyBody.error.findings.map((f) => f.field)).toEqual(['objectiveTarget', 'baselineFrom', 'ownerId', 'reviewDate']);
    expect(earlyBody.error.message).toBe(
      'Cannot move to scanning: missing objective: a measurable target (objectiveTarget); objective: a baseline period (baselineFrom and baselineTo); objective: an owner (ownerId); objective: a review date (reviewDate)',
    );
    const steps: [Record<string, unknown>, string][] = [
      [{ objectiveTarget: 'Reduce ASB at Test Street by 30%', baselineFrom: '2024-01', baselineTo: '2024-12', ownerId: officerId, reviewDate: '2020-01-31' }, 'scanning'],
      [{ whyProblem: 'Recurring and similar; raised at the PACT meeting' }, 'analysis'],
      [{ offender: 'Jane Offender and two others', victimTarget: 'Shop staff', placeDescription: 'Parade of shops', guardian: 'Shop managers', dataSources: 'Police street data', hypotheses: 'No guardianship after 6pm' }, 'response'],
    ];
    for (const [fields, stage] of steps) {
      expect((await req('supervisor', `/api/problems/${id}`, 'PATCH', fields)).status).toBe(200);
      expect((await req('supervisor', `/api/problems/${id}/stage`, 'POST', { stage })).status).toBe(200);
    }
    const noAction = await req('supervisor', `/api/problems/${id}/stage`, 'POST', { stage: 'assessment' });
    expect(((await noAction.json()) as { error: { message: string } }).error.message).toBe('Cannot move to assessment: missing response: at least one response action');
    const action = await req('supervisor', `/api/problems/${id}/actions`, 'POST', { description: 'Extra lighting with the council', mechanism: 'situational', partnerAgencyId: agencyId, ownerId: officerId, dueDate: '2020-02-01' });
    expect(action.status).toBe(201);
    const actionId = ((await action.json()) as { id: number }).id;
    // the overdue action and review reach their owner, and the supervisor of the district
    const tasks = (await (await req('officer', '/api/problems/tasks')).json()) as { tasks: { kind: string; problemId: number; overdue: boolean; mine: boolean }[] };
    expect(tasks.tasks.filter((x) => x.problemId === id)).toEqual([
      expect.objectContaining({ kind: 'review', overdue: true, mine: true }), expect.objectContaining({ kind: 'action', overdue: true, mine: true }),
    ]);
    const team = (await (await req('supervisor', '/api/problems/tasks')).json()) as { tasks: { problemId: number; mine: boolean }[] };
    expect(team.tasks.filter((x) => x.problemId === id).map((x) => x.mine)).toEqual([false, false]);
    expect(((await (await req('dover', '/api/problems/tasks')).json()) as { tasks: unknown[] }).tasks).toEqual([]);
    expect((await req('supervisor', `/api/problems/${id}/actions/${actionId}`, 'PATCH', { status: 'done' })).status).toBe(200);
    expect((await req('supervisor', `/api/problems/${id}/stage`, 'POST', { stage: 'assessment' })).status).toBe(200);
    const bare = await req('supervisor', `/api/problems/${id}/close`, 'POST');
    expect(((await bare.json()) as { error: { message: string } }).error.message).toBe(
      'Cannot close the problem: missing assessment: a computed assessment (POST /api/problems/{id}/assessment); assessment: an outcome on the impact scale (outcome); assessment: lessons learned (lessons)',
    );
    const assess = await req('supervisor', `/api/problems/${id}/assessment`, 'POST', { evalStart: '2025-02', evalPreMonths: 1, areaControl: ['E00000002'], outcome: 'reduced', lessons: 'Lighting helped; start earlier' });
    expect(assess.status).toBe(201);
    const assessed = (await assess.json()) as { assessment: { result: { counts: { treated: { pre: number; post: number } }; provenance: { analysis: string } } }; warnings: string[]; quality: { score: number } };
    expect(assessed.assessment.result.counts.treated).toEqual({ pre: 12, post: 4 });
    expect(assessed.assessment.result.provenance.analysis).toBe('wdd');
    expect(assessed.warnings.some((w) => w.includes('pre period 2025-01..2025-01 of the evaluation overlaps'))).toBe(true);
    expect((await req('supervisor', `/api/problems/${id}/case-study.html`)).status).toBe(409);
    expect((await req('supervisor', `/api/problems/${id}/case-study`)).status).toBe(409);
    // A child victim with accents in her name (issue 9: "Zoë" leaked 7 times, "José" once), linked
    // to the problem and named in the free text in other cases, forms and a possessive.
    const zoe = await req('supervisor', '/api/people', 'POST', { givenName: 'Zoë', familyName: 'Nguyễn', district: 'Thanet', aliases: [{ givenName: 'José', familyName: "O'Neill" }] });
    expect(zoe.status).toBe(201);
    expect((await req('supervisor', `/api/problems/${id}/people`, 'POST', { personId: ((await zoe.json()) as { id: number }).id, role: 'victim' })).status).toBe(204);
    const nfd = (s: string) => s.normalize('NFD');
    expect((await req('supervisor', `/api/problems/${id}`, 'PATCH', { lessons: `${nfd('Zoë')}’s family and ZOË agreed; José and O’Neill helped; NGUYỄN too` })).status).toBe(200);
    const closed = await req('supervisor', `/api/problems/${id}/close`, 'POST', { reason: 'Objective met' });
    expect(closed.status).toBe(200);
    const detail = (await closed.json()) as { stage: string; history: { fromStage: string | null; toStage: string; actor: string }[] };
    expect(detail.stage).toBe('closed');
    expect(detail.history.map((h) => `${h.fromStage}>${h.toStage}`)).toEqual(['null>objective', 'objective>scanning', 'scanning>analysis', 'analysis>response', 'response>assessment', 'assessment>closed']);
    expect(detail.history.every((h) => h.actor === 'user:supervisor1')).toBe(true);
    expect((await req('supervisor', `/api/problems/${id}`, 'PATCH', { lessons: 'x' })).status).toBe(409);
    const html = await req('supervisor', `/api/problems/${id}/case-study.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    const doc = await html.text();
    expect(doc).toContain('Case study: Repeat ASB at Test Street');
    expect(doc).toContain('No personal data');
    expect(doc).not.toContain('Jane');
    expect(doc).not.toContain('officer1');
    for (const name of ['Zoë', 'ZOË', 'Zoe', 'José', 'Jos', 'Neill', 'Nguy', 'NGUY']) expect(doc.normalize('NFC')).not.toContain(name);
    expect(doc).toContain('Lessons learned: [name removed]’s family and [name removed] agreed; [name removed] and [name removed] helped; [name removed] too');
    // The preview shows the same text, each redaction marked.
    const preview = await req('supervisor', `/api/problems/${id}/case-study`);
    expect(preview.status).toBe(200);
    const pv = (await preview.json()) as { redactions: number; sections: { heading: string; paragraphs: { text: string; redacted?: boolean }[][] }[] };
    const lessons = pv.sections.find((x) => x.heading === 'Assessment')!.paragraphs.find((x) => x[0]!.text.startsWith('Lessons learned'))!;
    expect(lessons.filter((x) => x.redacted).map((x) => x.text)).toEqual(Array(5).fill('[name removed]'));
    expect(lessons.map((x) => x.text).join('')).toBe('Lessons learned: [name removed]’s family and [name removed] agreed; [name removed] and [name removed] helped; [name removed] too');
    expect(pv.redactions).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(pv).normalize('NFC')).not.toMatch(/Zo[eë]|José|Neill|Nguy/i);
    expect((await req('partner', `/api/problems/${id}/case-study`)).status).toBe(403);
    if (fs.existsSync(chromiumPath())) {
      const pdf = await req('supervisor', `/api/problems/${id}/case-study.pdf`);
      expect(pdf.status).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(await audits(String(id), 'export')).toBe(fs.existsSync(chromiumPath()) ? 2 : 1);
  }, 120_000);

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await (await req('analyst', '/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/problems')).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    expect(paths).toEqual([
      'DELETE /api/problems/{id}/people/{personId}', 'DELETE /api/problems/{id}/places/{placeId}', 'GET /api/problems', 'GET /api/problems/tasks', 'GET /api/problems/{id}',
      'GET /api/problems/{id}/case-study', 'GET /api/problems/{id}/case-study.html', 'GET /api/problems/{id}/case-study.pdf', 'GET /api/problems/{id}/counts', 'PATCH /api/problems/{id}',
      'PATCH /api/problems/{id}/actions/{actionId}', 'POST /api/problems', 'POST /api/problems/{id}/actions', 'POST /api/problems/{id}/assessment',
      'POST /api/problems/{id}/close', 'POST /api/problems/{id}/people', 'POST /api/problems/{id}/places', 'POST /api/problems/{id}/stage',
    ]);
  });

  it('answers 503 with a clear message when Chromium is missing', async () => {
    const id = Number((await sql<{ id: number }>`select id from problem where stage = 'closed' limit 1`.execute(t.handle.db)).rows[0]!.id);
    const saved = process.env.HUB_CHROMIUM;
    process.env.HUB_CHROMIUM = '/nonexistent/chromium';
    try {
      const res = await req('supervisor', `/api/problems/${id}/case-study.pdf`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('PDF export needs Chromium: none at /nonexistent/chromium');
      const exports = (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'export' and record_id = ${String(id)}`.execute(t.handle.db)).rows[0]!.n;
      expect((await req('supervisor', `/api/problems/${id}/case-study.pdf`)).status).toBe(503);
      // nothing was exported, so nothing is audited
      expect((await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'export' and record_id = ${String(id)}`.execute(t.handle.db)).rows[0]!.n).toBe(exports);
    } finally {
      if (saved === undefined) delete process.env.HUB_CHROMIUM;
      else process.env.HUB_CHROMIUM = saved;
    }
  });

  it('audits every view and change in the same transaction as the work', async () => {
    const p = (await (await req('analyst', '/api/problems', 'POST', { title: 'Audit me', district: 'Thanet', statementType: 'time' })).json()) as { id: number };
    const id = String(p.id);
    const searches = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'problem' and action = 'search'`.execute(t.handle.db)).rows[0]!.n;
    const s0 = await searches();
    await req('analyst', '/api/problems');
    expect(await searches()).toBe(s0 + 1);
    await req('analyst', `/api/problems/${id}`);
    await req('analyst', `/api/problems/${id}/counts`);
    expect(await audits(id, 'view')).toBe(2);
    await req('analyst', `/api/problems/${id}`, 'PATCH', { statement: 'Night-time noise' });
    await req('analyst', `/api/problems/${id}/stage`, 'POST', { stage: 'scanning' }); // refused: no audit row
    expect(await audits(id, 'update')).toBe(1);
    const details = (await sql<{ details: unknown }>`select details from audit_log where record_type = 'problem' and record_id = ${id} and action = 'update'`.execute(t.handle.db)).rows[0]!.details;
    expect(JSON.stringify(details)).not.toContain('Night-time');
    const action = (await (await req('analyst', `/api/problems/${id}/actions`, 'POST', { description: 'Noise patrols', mechanism: 'enforcement' })).json()) as { id: number };
    await req('analyst', `/api/problems/${id}/actions/${action.id}`, 'PATCH', { status: 'dropped' });
    const actionAudits = (await sql<{ action: string }>`select action from audit_log where record_type = 'problem_action' and record_id = ${String(action.id)} order by id`.execute(t.handle.db)).rows.map((r) => r.action);
    expect(actionAudits).toEqual(['create', 'update']);
    const taskSearch = (await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'problem_task'`.execute(t.handle.db)).rows[0]!.n;
    await req('analyst', '/api/problems/tasks');
    expect((await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'problem_task'`.execute(t.handle.db)).rows[0]!.n).toBe(taskSearch + 1);
  });
});
