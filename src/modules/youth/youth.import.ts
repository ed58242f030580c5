/**
 * Bulk imports of the spreadsheets youth teams keep today (docs/api.md "Youth imports" has the
 * mapping). Every row is checked first; any bad row refuses the whole file (400, details with
 * file:line and the column), so nothing is half-imported. Good files load in one transaction
 * with one audit entry.
 */
import { parseCsv } from '../../ingest/csv/csv.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { actorName } from '../../platform/policy.js';
import { ageOn, isCalendarDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { z } from 'zod';
import { allow, checkDistrict } from './youth.access.js';
import { categoriesOn, topicsOn, youthConfig } from './youth.config.js';
import { today } from './youth.service.js';

/** Workbook spreadsheet columns (header names, case and spacing ignored) -> meaning. */
export const WORKBOOK_COLUMNS = {
  'person id': 'the child\'s person record number (required)',
  category: 'workbook category, one of the list in force (required)',
  'start date': 'date the workbook started, YYYY-MM-DD or DD/MM/YYYY (required)',
  'completed date': 'date completed (empty: not completed)',
  'not completed date': 'date it ended without completion',
  'reason not completed': 'why (required with a not completed date)',
  district: 'district (required)',
  officer: 'youth officer\'s username (required)',
  'crime ref': 'linked crime or occurrence reference',
  'risk factors': 'risk factors found, separated by ;',
  referrals: 'referrals made, separated by ;',
} as const;

/** School-lessons export columns -> meaning. */
export const LESSON_COLUMNS = {
  school: 'school name (required; a new name in the district signs the school up)',
  'school type': 'primary, secondary, pupil referral unit or other (required for a new school)',
  district: 'district of the school (required)',
  date: 'date delivered, YYYY-MM-DD or DD/MM/YYYY (required)',
  'delivered by': 'police or school (required)',
  topic: 'lesson topic, one of the list in force (required)',
  'class sizes': 'students in each class taught, separated by ; or + (required)',
} as const;

const importSchema = z.object({ csv: z.string().min(1, 'must not be empty').max(20_000_000), fileName: z.string().max(200).optional() });
const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

/** YYYY-MM-DD or DD/MM/YYYY -> YYYY-MM-DD, or null. */
export function importDate(s: string): string | null {
  const t = s.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : t;
  return isCalendarDate(iso) ? iso : null;
}

interface Sheet { file: string; rows: { line: number; get: (col: string) => string }[]; problems: ErrorDetail[] }

function readSheet(text: string, file: string, columns: Record<string, string>, required: readonly string[]): Sheet {
  const problems: ErrorDetail[] = [];
  const records = [...parseCsv(text, (p) => problems.push({ file, line: p.line, message: p.message }))];
  const header = records.shift();
  if (!header) throw new AppError('validation', `${file}: the file is empty`, [{ file, line: 1, message: 'no header row' }]);
  const index = new Map(header.fields.map((h, i) => [norm(h), i]));
  const missing = required.filter((c) => !index.has(c));
  const unknown = header.fields.map(norm).filter((h) => h !== '' && !(h in columns));
  if (missing.length || unknown.length) {
    const msg = [missing.length ? `missing column(s): ${missing.join(', ')}` : '', unknown.length ? `unknown column(s): ${unknown.join(', ')}` : ''].filter(Boolean).join('; ');
    throw new AppError('validation', `${file}:1: ${msg} (expected: ${Object.keys(columns).join(', ')})`, [{ file, line: 1, message: msg }]);
  }
  return {
    file, problems,
    rows: records.filter((r) => r.fields.some((f) => f.trim() !== '')).map((r) => ({ line: r.line, get: (col: string) => (index.has(col) ? (r.fields[index.get(col)!] ?? '').trim() : '') })),
  };
}

function refuse(sheet: Sheet): void {
  if (!sheet.problems.length) return;
  const shown = sheet.problems.slice(0, 20);
  throw new AppError('validation', `${sheet.file}: ${sheet.problems.length} bad row(s), nothing imported. ${shown.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`, shown);
}

const inList = (list: readonly string[], v: string) => list.find((x) => x.toLowerCase() === v.toLowerCase()) ?? null;
const items = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);

export async function importWorkbooks(ctx: ServiceContext, input: unknown) {
  allow(ctx, 'youth.import');
  const v = parseOrThrow(importSchema, input);
  const sheet = readSheet(v.csv, v.fileName ?? 'workbooks.csv', WORKBOOK_COLUMNS, ['person id', 'category', 'start date', 'district', 'officer']);
  const cfg = await youthConfig(ctx.db);
  const now = today(ctx);
  return ctx.tx(async (t) => {
    const rows = [];
    for (const r of sheet.rows) {
      const bad = (column: string, message: string) => sheet.problems.push({ file: sheet.file, line: r.line, field: column, message: `${column}: ${message}` });
      const personId = Number(r.get('person id'));
      const started = importDate(r.get('start date'));
      const completed = r.get('completed date') ? importDate(r.get('completed date')) : null;
      const ended = r.get('not completed date') ? importDate(r.get('not completed date')) : null;
      const reason = r.get('reason not completed') || null;
      const district = r.get('district');
      const officer = r.get('officer');
      if (!Number.isInteger(personId) || personId < 1) bad('person id', `'${r.get('person id')}' is not a person record number`);
      if (!started) bad('start date', `'${r.get('start date')}' is not a date`);
      else if (started > now) bad('start date', 'is in the future');
      if (r.get('completed date') && !completed) bad('completed date', `'${r.get('completed date')}' is not a date`);
      if (r.get('not completed date') && !ended) bad('not completed date', `'${r.get('not completed date')}' is not a date`);
      if (completed && ended) bad('completed date', 'a workbook is either completed or not completed, not both');
      if (ended && !reason) bad('reason not completed', 'say why the workbook was not completed');
      for (const [col, d] of [['completed date', completed], ['not completed date', ended]] as const) {
        if (d && started && d < started) bad(col, 'is before the start date');
        if (d && d > now) bad(col, 'is in the future');
      }
      if (!district) bad('district', 'is required');
      else {
        try { checkDistrict(ctx, district); } catch { bad('district', `you may not record work for ${district}`); }
      }
      if (!officer) bad('officer', 'is required');
      const category = started ? inList(categoriesOn(cfg, started), r.get('category')) : null;
      if (started && !category) bad('category', `'${r.get('category')}' is not a workbook category in the list in force`);
      let dob: string | null = null;
      if (Number.isInteger(personId) && personId > 0) {
        const p = await t.db.selectFrom('person').select(['id', 'date_of_birth', 'merged_into']).where('id', '=', personId).executeTakeFirst();
        if (!p || p.merged_into !== null) bad('person id', `no person ${personId}`);
        else dob = p.date_of_birth;
      }
      if (started && category) {
        rows.push({
          person_id: personId, age_at_start: dob ? ageOn(dob, started) : null, category, crime_ref: r.get('crime ref') || null, officer, district,
          status: completed ? 'completed' as const : ended ? 'not_completed' as const : 'started' as const, started_on: started,
          completed_on: completed, ended_on: ended, not_completed_reason: ended ? reason : null,
          risk_factors: JSON.stringify(items(r.get('risk factors'))), referrals: JSON.stringify(items(r.get('referrals'))), created_by: actorName(ctx.actor),
        });
      }
    }
    refuse(sheet);
    if (!rows.length) throw new AppError('validation', `${sheet.file}: no rows to import`);
    for (let i = 0; i < rows.length; i += 500) await t.db.insertInto('youth_workbook').values(rows.slice(i, i + 500)).execute();
    await t.audit({ action: 'import', recordType: 'youth_workbook', details: { file: sheet.file, rows: rows.length } });
    return { file: sheet.file, imported: rows.length };
  });
}

const KIND_WORDS: Record<string, 'primary' | 'secondary' | 'pupil_referral_unit' | 'other'> = {
  primary: 'primary', secondary: 'secondary', 'pupil referral unit': 'pupil_referral_unit', pru: 'pupil_referral_unit', other: 'other', 'other provider': 'other',
};

export async function importLessons(ctx: ServiceContext, input: unknown) {
  allow(ctx, 'youth.import');
  const v = parseOrThrow(importSchema, input);
  const sheet = readSheet(v.csv, v.fileName ?? 'lessons.csv', LESSON_COLUMNS, ['school', 'district', 'date', 'delivered by', 'topic', 'class sizes']);
  const cfg = await youthConfig(ctx.db);
  const now = today(ctx);
  return ctx.tx(async (t) => {
    const schools = new Map((await t.db.selectFrom('youth_school').select(['id', 'name', 'district']).execute()).map((s) => [`${s.name.toLowerCase()}|${s.district.toLowerCase()}`, s.id]));
    const newSchools = new Map<string, { name: string; district: string; kind: 'primary' | 'secondary' | 'pupil_referral_unit' | 'other' }>();
    const lessons: { key: string; delivered_on: string; deliverer: 'police' | 'school'; topic: string; sizes: number[] }[] = [];
    for (const r of sheet.rows) {
      const bad = (column: string, message: string) => sheet.problems.push({ file: sheet.file, line: r.line, field: column, message: `${column}: ${message}` });
      const name = r.get('school');
      const district = r.get('district');
      const date = importDate(r.get('date'));
      const deliverer = r.get('delivered by').toLowerCase();
      const sizes = r.get('class sizes').split(/[;+]/).map((x) => x.trim()).filter(Boolean);
      if (!name) bad('school', 'is required');
      if (!district) bad('district', 'is required');
      else {
        try { checkDistrict(ctx, district); } catch { bad('district', `you may not record lessons for ${district}`); }
      }
      if (!date) bad('date', `'${r.get('date')}' is not a date`);
      else if (date > now) bad('date', 'is in the future');
      if (deliverer !== 'police' && deliverer !== 'school') bad('delivered by', `'${r.get('delivered by')}' must be police or school`);
      const topic = date ? inList(topicsOn(cfg, date), r.get('topic')) : null;
      if (date && !topic) bad('topic', `'${r.get('topic')}' is not a lesson topic in the list in force`);
      const numbers = sizes.map(Number);
      if (!sizes.length || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 500)) bad('class sizes', `'${r.get('class sizes')}' must be whole numbers of students per class, separated by ;`);
      const key = `${name.toLowerCase()}|${district.toLowerCase()}`;
      if (name && district && !schools.has(key) && !newSchools.has(key)) {
        const kind = KIND_WORDS[r.get('school type').toLowerCase()];
        if (!kind) bad('school type', `'${r.get('school type')}' must be primary, secondary, pupil referral unit or other (needed for a school not yet signed up)`);
        else newSchools.set(key, { name, district, kind });
      }
      if (date && topic && (deliverer === 'police' || deliverer === 'school')) lessons.push({ key, delivered_on: date, deliverer, topic, sizes: numbers });
    }
    refuse(sheet);
    if (!lessons.length) throw new AppError('validation', `${sheet.file}: no rows to import`);
    const by = actorName(ctx.actor);
    for (const [key, s] of newSchools) {
      const { id } = await t.db.insertInto('youth_school').values({ ...s, signed_up_on: null, created_by: by }).returning('id').executeTakeFirstOrThrow();
      schools.set(key, id);
    }
    for (let i = 0; i < lessons.length; i += 500) {
      await t.db.insertInto('youth_lesson').values(lessons.slice(i, i + 500).map((l) => ({
        school_id: schools.get(l.key)!, delivered_on: l.delivered_on, deliverer: l.deliverer, topic: l.topic,
        class_sizes: JSON.stringify(l.sizes), students_reached: l.sizes.reduce((a, b) => a + b, 0), created_by: by,
      }))).execute();
    }
    await t.audit({ action: 'import', recordType: 'youth_lesson', details: { file: sheet.file, rows: lessons.length, newSchools: newSchools.size } });
    return { file: sheet.file, imported: lessons.length, schoolsAdded: newSchools.size, studentsReached: lessons.reduce((a, l) => a + l.sizes.reduce((x, y) => x + y, 0), 0) };
  });
}
