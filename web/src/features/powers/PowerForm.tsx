// Forms for a dispersal direction and for a CPW or CPN. The rules are checked as the officer types
// (a dry run that saves nothing); a refusal shows each reason beside its field, with the law it
// rests on. An act already done that breaks a rule can be recorded outside the rules by a sergeant
// or above, with a reason: a supervisor then reviews it.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, type Finding } from '../../app/api';
import { ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { navigate } from '../../app/router';
import type { Me } from '../../app/session';
import { addRecord, checkDraft, londonTime, RANK_LABEL, type CheckResult } from './api';
import './powers.css';

export type FormKind = 'dispersal_direction' | 'cpw' | 'cpn';
const TITLE: Record<FormKind, string> = { dispersal_direction: 'Record a dispersal direction', cpw: 'Record a community protection warning', cpn: 'Record a community protection notice' };
const CONDUCT = ['Noise', 'Harassment or intimidation', 'Waste and litter', 'Vehicles', 'Animals', 'Street drinking', 'Begging', 'Property condition', 'Other'];

type Values = Record<string, string | boolean>;
const initial = (me: Me): Values => ({
  occurredAt: '', exclusionEndsAt: '', district: me.districts[0] ?? '', lsoaCode: '', placeDescription: '', name: '', dateOfBirth: '', appearsAge: '', body: false,
  rank: 'constable', agency: 'police', inWriting: true, notInWritingReason: '', offenceWarningGiven: true, offenceWarningImpracticableReason: '', removedKind: '', removedWhere: '',
  excludedArea: '', conductCategory: 'Noise', conduct: '', requirements: '', timeEnoughConfirmed: false, outside: false, outsideReason: '', recorderRank: 'sergeant',
});

/** Where each finding's field is shown: API field -> element id. */
const FIELD_ID: Record<string, string> = {
  occurredAt: 'pf-occurredAt', exclusionEndsAt: 'pf-exclusionEndsAt', authorisationId: 'pf-district', 'place.district': 'pf-district', 'place.lsoaCode': 'pf-lsoaCode',
  'subject.appearsAge': 'pf-appearsAge', 'subject.dateOfBirth': 'pf-dateOfBirth', 'subject.name': 'pf-name', notInWritingReason: 'pf-notInWritingReason',
  offenceWarningGiven: 'pf-offenceWarningImpracticableReason', removedTo: 'pf-removedKind', 'removedTo.where': 'pf-removedWhere', conductCategory: 'pf-conductCategory',
  conduct: 'pf-conduct', requirements: 'pf-requirements', timeEnoughConfirmed: 'pf-timeEnoughConfirmed', cpwId: 'pf-conductCategory', 'outsideRules.recorderRank': 'pf-recorderRank', 'outsideRules.reason': 'pf-outsideReason',
};

function bodyOf(kind: FormKind, v: Values): Record<string, unknown> {
  const s = (k: string) => String(v[k] ?? '').trim();
  const subject = {
    ...(s('name') ? { name: s('name') } : {}), ...(s('dateOfBirth') ? { dateOfBirth: s('dateOfBirth') } : {}),
    ...(s('appearsAge') ? { appearsAge: Number(s('appearsAge')) } : {}), ...(v.body ? { body: true } : {}),
  };
  const common = {
    type: kind, occurredAt: s('occurredAt'), issuer: { agency: s('agency'), ...(s('agency') === 'police' ? { rank: s('rank') } : {}) },
    place: { district: s('district'), ...(s('lsoaCode') ? { lsoaCode: s('lsoaCode').toUpperCase() } : {}), ...(s('placeDescription') ? { description: s('placeDescription') } : {}) },
    subject,
    ...(v.outside ? { outsideRules: { reason: s('outsideReason'), recorderRank: s('recorderRank') } } : {}),
  };
  if (kind === 'dispersal_direction') {
    return {
      ...common, exclusionEndsAt: s('exclusionEndsAt'), inWriting: !!v.inWriting, ...(s('notInWritingReason') ? { notInWritingReason: s('notInWritingReason') } : {}),
      offenceWarningGiven: !!v.offenceWarningGiven, ...(s('offenceWarningImpracticableReason') ? { offenceWarningImpracticableReason: s('offenceWarningImpracticableReason') } : {}),
      ...(s('removedKind') ? { removedTo: { kind: s('removedKind'), where: s('removedWhere') } } : {}), ...(s('excludedArea') ? { excludedArea: s('excludedArea') } : {}),
    };
  }
  const requirements = s('requirements').split('\n').map((x) => x.trim()).filter(Boolean);
  return { ...common, conductCategory: s('conductCategory'), conduct: s('conduct'), requirements, ...(kind === 'cpn' ? { timeEnoughConfirmed: !!v.timeEnoughConfirmed } : {}) };
}

/** Findings by element id (several joined), and those with no field of this form. */
function place(findings: Finding[]): { byId: Record<string, string>; loose: Finding[] } {
  const byId: Record<string, string> = {};
  const loose: Finding[] = [];
  for (const f of findings) {
    const id = f.field ? FIELD_ID[f.field] : undefined;
    if (!id) loose.push(f);
    else byId[id] = byId[id] ? `${byId[id]}\n${f.message}` : f.message;
  }
  return { byId, loose };
}

function Check({ check, pending, problem }: { check: CheckResult | null; pending: boolean; problem: string | null }) {
  if (problem) return <div className="powers-check" data-testid="dry-run" aria-live="polite"><p className="powers-check__title">Still to fill in</p><p>{problem}</p></div>;
  if (!check) return <div className="powers-check" data-testid="dry-run" aria-live="polite"><p>{pending ? 'Checking against the rules…' : 'Fill in the form: the rules are checked as you type.'}</p></div>;
  return (
    <div className={`powers-check ${check.valid ? 'powers-check--good' : 'powers-check--bad'}`} data-testid="dry-run" data-valid={String(check.valid)} aria-live="polite">
      <p className="powers-check__title">{check.valid ? 'This meets the rules in force at that time.' : 'This breaks the rules:'}</p>
      {check.findings.length ? <ul>{check.findings.map((f) => <li key={f.rule + f.message}>{f.message}{f.legalSource ? <span className="powers-source"> ({f.legalSource})</span> : null}</li>)}</ul> : null}
      {check.notices.length ? <ul>{check.notices.map((f) => <li key={f.rule}>Note: {f.message}</li>)}</ul> : null}
      {typeof check.derived.daysSinceCpw === 'number' ? <p>The written warning was given on {String(check.derived.cpwIssuedOn)}: {String(check.derived.daysSinceCpw)} days before this notice.</p> : null}
      {check.deadlines.length ? (
        <><p className="powers-check__title">What will fall due</p>
          <ul>{check.deadlines.map((d) => <li key={d.kind}>{d.what}: {d.at ? londonTime(d.at) : d.due}</li>)}</ul></>
      ) : null}
    </div>
  );
}

function Checkbox({ id, label, checked, onChange, error }: { id: string; label: ReactNode; checked: boolean; onChange: (v: boolean) => void; error?: string | undefined }) {
  return (
    <div className={`field ${error ? 'field--error' : ''}`}>
      {error ? <p className="field__error" id={`${id}-error`}><span className="visually-hidden">Error: </span>{error}</p> : null}
      <div className="checkbox">
        <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={error ? `${id}-error` : undefined} />
        <label htmlFor={id}>{label}</label>
      </div>
    </div>
  );
}

export function PowerForm({ me, kind }: { me: Me; kind: FormKind }) {
  const [v, setV] = useState<Values>(() => initial(me));
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Finding[] | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saving, setSaving] = useState(false);
  const body = useMemo(() => bodyOf(kind, v), [kind, v]);
  const set = (k: string) => (value: string | boolean) => setV((old) => ({ ...old, [k]: value }));
  const text = (k: string) => ({ value: String(v[k] ?? ''), onChange: (e: { target: { value: string } }) => set(k)(e.target.value) });

  useEffect(() => {
    if (!String(v.occurredAt)) { setCheck(null); setProblem(null); return undefined; }
    setPending(true);
    let live = true;
    const timer = setTimeout(() => {
      checkDraft(body).then((r) => { if (live) { setCheck(r); setProblem(null); } })
        .catch((e: unknown) => { if (live) { setCheck(null); setProblem(e instanceof ApiError ? e.message : String(e)); } })
        .finally(() => { if (live) setPending(false); });
    }, 400);
    return () => { live = false; clearTimeout(timer); };
  }, [body, v.occurredAt]);

  const shown = place(refusal ?? check?.findings ?? []);
  const err = (id: string) => shown.byId[id];
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      const r = await addRecord(body);
      navigate(`/powers/${r.id}`);
    } catch (x) {
      if (x instanceof ApiError && x.findings.length) {
        setRefusal(x.findings);
        const p = place(x.findings);
        setErrors([...Object.entries(p.byId).map(([fieldId, t]) => ({ fieldId, text: t.split('\n')[0]! })), ...p.loose.map((f) => ({ text: f.message }))]);
      } else {
        setRefusal(null);
        setErrors([{ text: x instanceof Error ? x.message : String(x) }]);
      }
    } finally {
      setSaving(false);
    }
  }
  useEffect(() => { setRefusal(null); }, [body]);

  const cp = kind !== 'dispersal_direction';
  return (
    <div className="page" data-testid="power-form">
      <h1 className="page-title">{TITLE[kind]}</h1>
      <p className="lead">Times are UK time. The form is checked against the law in force at the time you give, as you type; nothing is saved until you press Save.</p>
      <ErrorSummary errors={errors} />
      <form className="powers-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend className="panel__title">When and where</legend>
          <TextField id="pf-occurredAt" label={cp ? 'Issued at' : 'Direction given at'} type="datetime-local" {...text('occurredAt')} error={err('pf-occurredAt')} />
          {kind === 'dispersal_direction' ? <TextField id="pf-exclusionEndsAt" label="Exclusion ends at" hint="At most 48 hours after the direction was given" type="datetime-local" {...text('exclusionEndsAt')} error={err('pf-exclusionEndsAt')} /> : null}
          <TextField id="pf-district" label="District" {...text('district')} error={err('pf-district')} />
          <TextField id="pf-lsoaCode" label="Neighbourhood code (LSOA)" hint="For example E01024000; it decides whether a dispersal authorisation covers the place" {...text('lsoaCode')} error={err('pf-lsoaCode')} />
          <TextField id="pf-placeDescription" label="Place" hint="Street, landmark or premises" {...text('placeDescription')} />
        </fieldset>
        <fieldset>
          <legend className="panel__title">{cp ? 'Recipient' : 'Person directed'}</legend>
          {cp ? <Checkbox id="pf-body" label="The recipient is a business or other body" checked={!!v.body} onChange={set('body')} /> : null}
          <TextField id="pf-name" label="Name" {...text('name')} error={err('pf-name')} />
          {!v.body ? <>
            <TextField id="pf-dateOfBirth" label="Date of birth, if known" type="date" {...text('dateOfBirth')} error={err('pf-dateOfBirth')} />
            <TextField id="pf-appearsAge" label="Age they appear to be" hint="When the date of birth is not known" type="number" min={0} max={120} {...text('appearsAge')} error={err('pf-appearsAge')} />
          </> : null}
        </fieldset>
        <fieldset>
          <legend className="panel__title">Issued by</legend>
          {cp ? <SelectField id="pf-agency" label="Organisation" {...text('agency')}><option value="police">Police</option><option value="local_authority">Local authority</option></SelectField> : null}
          {v.agency === 'police' ? <SelectField id="pf-rank" label="Rank" {...text('rank')}>{Object.entries(RANK_LABEL).map(([k, l]) => <option key={k} value={k}>{l}</option>)}</SelectField> : null}
        </fieldset>
        {kind === 'dispersal_direction' ? (
          <fieldset>
            <legend className="panel__title">The direction</legend>
            <TextField id="pf-excludedArea" label="Area the person must leave and not return to" {...text('excludedArea')} />
            <Checkbox id="pf-inWriting" label="Given in writing" checked={!!v.inWriting} onChange={set('inWriting')} />
            {!v.inWriting ? <TextField id="pf-notInWritingReason" label="Why it was not practicable to give it in writing" {...text('notInWritingReason')} error={err('pf-notInWritingReason')} /> : null}
            <Checkbox id="pf-offenceWarningGiven" label="Told them that not complying is an offence" checked={!!v.offenceWarningGiven} onChange={set('offenceWarningGiven')} />
            {!v.offenceWarningGiven || err('pf-offenceWarningImpracticableReason') ? <TextField id="pf-offenceWarningImpracticableReason" label="Why that was not practicable" {...text('offenceWarningImpracticableReason')} error={err('pf-offenceWarningImpracticableReason')} /> : null}
            <SelectField id="pf-removedKind" label="Taken home or to a place of safety (under 16s)" {...text('removedKind')} error={err('pf-removedKind')}>
              <option value="">No</option><option value="home">Taken home</option><option value="place_of_safety">Taken to a place of safety</option>
            </SelectField>
            {v.removedKind ? <TextField id="pf-removedWhere" label="Where to" {...text('removedWhere')} error={err('pf-removedWhere')} /> : null}
          </fieldset>
        ) : (
          <fieldset>
            <legend className="panel__title">The conduct and what must change</legend>
            <SelectField id="pf-conductCategory" label="Kind of conduct" {...text('conductCategory')} error={err('pf-conductCategory')}>{CONDUCT.map((c) => <option key={c} value={c}>{c}</option>)}</SelectField>
            <TextField id="pf-conduct" label="What they did and its effect on people nearby" {...text('conduct')} error={err('pf-conduct')} />
            <div className={`field ${err('pf-requirements') ? 'field--error' : ''}`}>
              <label className="field__label" htmlFor="pf-requirements">Requirements, one per line</label>
              {err('pf-requirements') ? <p className="field__error" id="pf-requirements-error">{err('pf-requirements')}</p> : null}
              <textarea id="pf-requirements" className="textarea" rows={4} {...text('requirements')} />
            </div>
            {kind === 'cpn' ? <Checkbox id="pf-timeEnoughConfirmed" error={err('pf-timeEnoughConfirmed')} checked={!!v.timeEnoughConfirmed} onChange={set('timeEnoughConfirmed')}
              label={typeof check?.derived.daysSinceCpw === 'number' ? `I am satisfied that ${String(check.derived.daysSinceCpw)} days since the written warning was enough time to deal with the conduct` : 'I am satisfied they had enough time since the written warning to deal with the conduct'} /> : null}
          </fieldset>
        )}
        <Check check={refusal ? { ...(check ?? { valid: false, notices: [], deadlines: [], ruleVersions: [], derived: {}, district: '' }), valid: false, findings: refusal } as CheckResult : check} pending={pending} problem={refusal ? null : problem} />
        <fieldset>
          <legend className="panel__title">Already done outside the rules?</legend>
          <Checkbox id="pf-outside" label="This was already done and breaks a rule: record it outside the rules for a supervisor to review" checked={!!v.outside} onChange={set('outside')} />
          {v.outside ? <>
            <TextField id="pf-outsideReason" label="Why it was done this way" {...text('outsideReason')} error={err('pf-outsideReason')} />
            <SelectField id="pf-recorderRank" label="Your rank" hint="A sergeant or above records acts outside the rules" {...text('recorderRank')} error={err('pf-recorderRank')}>{Object.entries(RANK_LABEL).map(([k, l]) => <option key={k} value={k}>{l}</option>)}</SelectField>
          </> : null}
        </fieldset>
        <button className="button" type="submit" disabled={saving} data-testid="power-save">{saving ? 'Saving…' : 'Save'}</button>
      </form>
    </div>
  );
}
