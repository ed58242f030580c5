// Forms for every act of the powers register: dispersal authorisation, direction and its variation;
// CPW, CPN, a CPN breach and its fixed penalty; s59 warnings and seizures; closure notices, their
// extension and adjournment, closure orders and their extension. The rules are checked as the
// officer types (a dry run that saves nothing); a refusal shows each reason beside its field, with
// the law it rests on. The issuing officer's rank comes from their account, never typed here. An act
// already done that breaks a rule can be recorded outside the rules by a sergeant or above, with a
// reason: a supervisor then reviews it.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, type Finding } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { Link, navigate, useSearch } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { addRecord, AGENCY_LABEL, BREACH_ACTION_LABEL, checkDraft, getMyRank, getRecord, londonTime, RANK_LABEL, TYPE_LABEL, type CheckResult, type RecordDetail } from './api';
import './powers.css';

export const FORM_KINDS = [
  'dispersal_authorisation', 'dispersal_direction', 'dispersal_variation', 'cpw', 'cpn', 'cpn_breach', 'cpn_fpn', 's59_warning', 's59_seizure',
  'closure_notice', 'closure_extension', 'closure_adjournment', 'closure_order', 'closure_order_extension',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export const isFormKind = (k: string): k is FormKind => (FORM_KINDS as readonly string[]).includes(k);

type Subject = 'none' | 'person' | 'recipient' | 'driver';
interface KindSpec { title: string; when: string; subject: Subject; agencies: readonly string[]; parent?: readonly string[]; parentWords?: string }
const ALL_ISSUERS = ['police', 'local_authority', 'housing_provider'] as const;
const SPEC: Record<FormKind, KindSpec> = {
  dispersal_authorisation: { title: 'Authorise the dispersal powers in a locality', when: 'Authorised at', subject: 'none', agencies: ['police'] },
  dispersal_direction: { title: 'Record a dispersal direction', when: 'Direction given at', subject: 'person', agencies: ['police'] },
  dispersal_variation: { title: 'Vary or withdraw a dispersal direction', when: 'Varied or withdrawn at', subject: 'none', agencies: ['police'], parent: ['dispersal_direction'], parentWords: 'the direction' },
  cpw: { title: 'Record a community protection warning', when: 'Issued at', subject: 'recipient', agencies: ALL_ISSUERS },
  cpn: { title: 'Record a community protection notice', when: 'Issued at', subject: 'recipient', agencies: ALL_ISSUERS },
  cpn_breach: { title: 'Record a breach of a community protection notice', when: 'Breach happened at', subject: 'none', agencies: ALL_ISSUERS, parent: ['cpn'], parentWords: 'the notice' },
  cpn_fpn: { title: 'Record a fixed penalty for a CPN breach', when: 'Fixed penalty issued at', subject: 'none', agencies: ALL_ISSUERS, parent: ['cpn'], parentWords: 'the notice' },
  s59_warning: { title: 'Record a vehicle warning (section 59)', when: 'Warning given at', subject: 'driver', agencies: ['police'] },
  s59_seizure: { title: 'Record a vehicle seizure (section 59)', when: 'Vehicle seized at', subject: 'driver', agencies: ['police'] },
  closure_notice: { title: 'Record a closure notice', when: 'Served at', subject: 'none', agencies: ALL_ISSUERS },
  closure_extension: { title: 'Extend a closure notice', when: 'Extension issued at', subject: 'none', agencies: ALL_ISSUERS, parent: ['closure_notice'], parentWords: 'the closure notice' },
  closure_adjournment: { title: 'Record an adjourned closure hearing', when: 'Hearing held at', subject: 'none', agencies: ALL_ISSUERS, parent: ['closure_notice'], parentWords: 'the closure notice' },
  closure_order: { title: 'Record a closure order', when: 'Order made at', subject: 'none', agencies: ALL_ISSUERS, parent: ['closure_notice'], parentWords: 'the closure notice' },
  closure_order_extension: { title: 'Record an extension of a closure order', when: 'Extension decided at', subject: 'none', agencies: ALL_ISSUERS, parent: ['closure_order'], parentWords: 'the closure order' },
};
const CONDUCT = ['Noise', 'Harassment or intimidation', 'Waste and litter', 'Vehicles', 'Animals', 'Street drinking', 'Begging', 'Property condition', 'Other'];

type Values = Record<string, string | boolean>;
const initial = (me: Me, kind: FormKind): Values => ({
  occurredAt: '', exclusionEndsAt: '', district: me.districts[0] ?? '', lsoaCode: '', placeDescription: '', name: '', dateOfBirth: '', appearsAge: '', body: false,
  agency: SPEC[kind].agencies[0] ?? 'police', issuerName: '', signedBySenior: false,
  inWriting: true, notInWritingReason: '', offenceWarningGiven: true, offenceWarningImpracticableReason: '', removedKind: '', removedWhere: '', behaviour: '', surrenderedItems: '',
  excludedArea: '', conductCategory: 'Noise', conduct: '', requirements: '', timeEnoughConfirmed: false, outside: false, outsideReason: '',
  startsAt: '', endsAt: '', lsoas: '', localityDescription: '', grounds: '', articles: false,
  withdrawn: false, noticeGiven: true, failedAt: '', amountGbp: '', requirement: '', action: 'fixed_penalty', actionOn: '', reasonableExcuse: '', notes: '',
  vrm: '', warnedThisOccasion: false, warningImpracticableReason: '',
  periodHours: '24', premises: '', hearingAt: '', court: '', licensedPremises: false, hours: '24', adjournedTo: '', noticeContinues: true, endsOn: '', licensingAuthorityNotified: false,
});

/** Where each finding's field is shown: API field -> element id. */
const FIELD_ID: Record<string, string> = {
  occurredAt: 'pf-occurredAt', issuedAt: 'pf-occurredAt', variedAt: 'pf-occurredAt', exclusionEndsAt: 'pf-exclusionEndsAt', authorisationId: 'pf-district', 'place.district': 'pf-district', 'place.lsoaCode': 'pf-lsoaCode',
  'subject.appearsAge': 'pf-appearsAge', 'subject.dateOfBirth': 'pf-dateOfBirth', 'subject.name': 'pf-name', notInWritingReason: 'pf-notInWritingReason',
  offenceWarningGiven: 'pf-offenceWarningImpracticableReason', removedTo: 'pf-removedKind', 'removedTo.where': 'pf-removedWhere', conductCategory: 'pf-conductCategory',
  conduct: 'pf-conduct', requirements: 'pf-requirements', timeEnoughConfirmed: 'pf-timeEnoughConfirmed', cpwId: 'pf-conductCategory', 'outsideRules.recorderRank': 'pf-recorderRank', 'outsideRules.reason': 'pf-outsideReason',
  issuerRank: 'pf-rank', 'issuer.rank': 'pf-rank', issuerAgency: 'pf-agency', 'issuer.agency': 'pf-agency', startsAt: 'pf-startsAt', endsAt: 'pf-endsAt', locality: 'pf-lsoas', 'locality.lsoas': 'pf-lsoas',
  grounds: 'pf-grounds', articles10And11Regard: 'pf-articles', parentId: 'pf-parent', withdrawn: 'pf-withdrawn', noticeGiven: 'pf-noticeGiven',
  failedAt: 'pf-failedAt', amountGbp: 'pf-amountGbp', requirement: 'pf-requirement', action: 'pf-action', actionOn: 'pf-actionOn', vrm: 'pf-vrm',
  warnedThisOccasion: 'pf-warnedThisOccasion', warningImpracticableReason: 'pf-warningImpracticableReason', periodHours: 'pf-periodHours', premises: 'pf-premises',
  hearingAt: 'pf-hearingAt', hours: 'pf-hours', adjournedTo: 'pf-adjournedTo', endsOn: 'pf-endsOn', licensingAuthorityNotified: 'pf-licensingAuthorityNotified',
};

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

function bodyOf(kind: FormKind, v: Values, parentId: number | null): Record<string, unknown> {
  const s = (k: string) => String(v[k] ?? '').trim();
  const opt = (key: string, value: unknown) => (value === '' || value === undefined ? {} : { [key]: value });
  const spec = SPEC[kind];
  const subject = spec.subject === 'none' ? {} : {
    subject: {
      ...opt('name', s('name')), ...opt('dateOfBirth', s('dateOfBirth')),
      ...(s('appearsAge') ? { appearsAge: Number(s('appearsAge')) } : {}), ...(v.body && spec.subject === 'recipient' ? { body: true } : {}),
    },
  };
  const agency = s('agency');
  const ownPlace = !spec.parent;
  const common = {
    type: kind, occurredAt: s('occurredAt'),
    issuer: { agency, ...(agency !== 'police' && s('issuerName') ? { name: s('issuerName') } : {}), ...(agency !== 'police' && kind.startsWith('closure') ? { signedBySenior: !!v.signedBySenior } : {}) },
    ...(ownPlace ? { place: { ...opt('district', s('district')), ...opt('lsoaCode', s('lsoaCode').toUpperCase()), ...opt('description', s('placeDescription')) } } : {}),
    ...subject,
    ...(parentId ? { parentId } : {}),
    ...(v.outside ? { outsideRules: { reason: s('outsideReason') } } : {}),
  };
  switch (kind) {
    case 'dispersal_authorisation':
      return {
        ...common, startsAt: s('startsAt'), endsAt: s('endsAt'),
        locality: { ...(s('lsoas') ? { lsoas: s('lsoas').toUpperCase().split(/[\s,;]+/).filter(Boolean) } : {}), ...opt('description', s('localityDescription')) },
        grounds: s('grounds'), articles10And11Regard: !!v.articles,
      };
    case 'dispersal_direction':
      return {
        ...common, exclusionEndsAt: s('exclusionEndsAt'), inWriting: !!v.inWriting, ...opt('notInWritingReason', s('notInWritingReason')),
        offenceWarningGiven: !!v.offenceWarningGiven, ...opt('offenceWarningImpracticableReason', s('offenceWarningImpracticableReason')),
        ...(s('removedKind') ? { removedTo: { kind: s('removedKind'), where: s('removedWhere') } } : {}), ...opt('excludedArea', s('excludedArea')),
        ...opt('behaviour', s('behaviour')), ...(lines(s('surrenderedItems')).length ? { surrenderedItems: lines(s('surrenderedItems')) } : {}),
      };
    case 'dispersal_variation':
      return { ...common, withdrawn: !!v.withdrawn, ...(v.withdrawn ? {} : opt('exclusionEndsAt', s('exclusionEndsAt'))), noticeGiven: !!v.noticeGiven };
    case 'cpw':
    case 'cpn':
      return { ...common, conductCategory: s('conductCategory'), conduct: s('conduct'), requirements: lines(s('requirements')), ...(kind === 'cpn' ? { timeEnoughConfirmed: !!v.timeEnoughConfirmed } : {}) };
    case 'cpn_breach':
      return { ...common, requirement: s('requirement'), action: s('action'), ...opt('actionOn', s('actionOn')), ...opt('reasonableExcuseConsidered', s('reasonableExcuse')), ...opt('notes', s('notes')) };
    case 'cpn_fpn':
      return { ...common, failedAt: s('failedAt'), amountGbp: Number(s('amountGbp') || '0') };
    case 's59_warning':
      return { ...common, vrm: s('vrm') };
    case 's59_seizure':
      return { ...common, vrm: s('vrm'), warnedThisOccasion: !!v.warnedThisOccasion, ...opt('warningImpracticableReason', s('warningImpracticableReason')) };
    case 'closure_notice':
      return { ...common, periodHours: Number(s('periodHours')), premises: s('premises'), ...opt('hearingAt', s('hearingAt')), ...opt('court', s('court')), licensedPremises: !!v.licensedPremises };
    case 'closure_extension':
      return { ...common, hours: Number(s('hours')) };
    case 'closure_adjournment':
      return { ...common, adjournedTo: s('adjournedTo'), noticeContinues: !!v.noticeContinues };
    case 'closure_order':
      return { ...common, endsOn: s('endsOn'), ...opt('court', s('court')), licensingAuthorityNotified: !!v.licensingAuthorityNotified };
    case 'closure_order_extension':
      return { ...common, endsOn: s('endsOn') };
  }
}

/** What a form still needs before the rules can be asked (the dry run would only answer "required"). */
function missing(kind: FormKind, v: Values): string | null {
  if (!String(v.occurredAt)) return 'when';
  if (kind === 'dispersal_authorisation' && (!v.startsAt || !v.endsAt)) return 'the start and end';
  if (kind === 'dispersal_direction' && !v.exclusionEndsAt) return 'when the exclusion ends';
  if (kind === 'cpn_fpn' && (!v.failedAt || !v.amountGbp)) return 'the failure and the amount';
  if ((kind === 'closure_order' || kind === 'closure_order_extension') && !v.endsOn) return 'the end date';
  if (kind === 'closure_adjournment' && !v.adjournedTo) return 'the date adjourned to';
  return null;
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
      {typeof check.derived.maximumGbp === 'number' ? <p>The highest fixed penalty for a failure on that day: £{String(check.derived.maximumGbp)}.</p> : null}
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

function TextArea({ id, label, hint, value, onChange, error, rows = 3 }: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; error?: string | undefined; rows?: number }) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>{label}</label>
      {hint ? <p className="field__hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="field__error" id={`${id}-error`}><span className="visually-hidden">Error: </span>{error}</p> : null}
      <textarea id={id} className="textarea" rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={described} aria-invalid={error ? true : undefined} />
    </div>
  );
}

/** A value the officer does not type (their rank from their account), with any finding about it. */
function Fixed({ id, label, value, hint, error }: { id: string; label: string; value: string; hint?: string; error?: string | undefined }) {
  return (
    <div className={`field ${error ? 'field--error' : ''}`}>
      <p className="field__label" id={`${id}-label`}>{label}</p>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {error ? <p className="field__error" id={`${id}-error`}><span className="visually-hidden">Error: </span>{error}</p> : null}
      <p id={id} tabIndex={-1} aria-labelledby={`${id}-label`} className="powers-fixed" data-testid={id}>{value}</p>
    </div>
  );
}

const parentText = (p: RecordDetail) => `${TYPE_LABEL[p.type] ?? p.type} of ${londonTime(p.occurredAt)}${p.subject.name ? `, ${p.subject.name}` : ''}${p.details.premises ? `, ${String(p.details.premises)}` : ''} (${[p.placeDescription, p.district].filter(Boolean).join(', ')})`;

export function PowerForm({ me, kind }: { me: Me; kind: FormKind }) {
  const spec = SPEC[kind];
  const search = useSearch();
  const parentId = spec.parent ? Number(new URLSearchParams(search).get('parent') ?? '') || null : null;
  const parent = useApi(parentId ? `power:${parentId}` : null, (s) => getRecord(String(parentId), s));
  const rank = useApi('powers:my-rank', (s) => getMyRank(s));
  const [v, setV] = useState<Values>(() => initial(me, kind));
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Finding[] | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saving, setSaving] = useState(false);
  const body = useMemo(() => bodyOf(kind, v, parentId), [kind, v, parentId]);
  const set = (k: string) => (value: string | boolean) => setV((old) => ({ ...old, [k]: value }));
  const text = (k: string) => ({ value: String(v[k] ?? ''), onChange: (e: { target: { value: string } }) => set(k)(e.target.value) });
  const area = (k: string) => ({ value: String(v[k] ?? ''), onChange: (x: string) => set(k)(x) });
  const gap = missing(kind, v);
  const parentOk = !spec.parent || (parentId !== null && !!parent.data);

  useEffect(() => {
    if (gap || !parentOk) { setCheck(null); setProblem(null); return undefined; }
    setPending(true);
    let live = true;
    const timer = setTimeout(() => {
      checkDraft(body).then((r) => { if (live) { setCheck(r); setProblem(null); } })
        .catch((e: unknown) => { if (live) { setCheck(null); setProblem(e instanceof ApiError ? e.message : String(e)); } })
        .finally(() => { if (live) setPending(false); });
    }, 400);
    return () => { live = false; clearTimeout(timer); };
  }, [body, gap, parentOk]);
  useEffect(() => { setRefusal(null); }, [body]);

  // The requirement of a breach starts as the notice's first.
  const parentRequirements = Array.isArray(parent.data?.details.requirements) ? (parent.data.details.requirements as string[]) : [];
  useEffect(() => {
    if (kind === 'cpn_breach' && parentRequirements[0] && !v.requirement) set('requirement')(parentRequirements[0]);
  }, [kind, parentRequirements.join('|')]); // eslint-disable-line react-hooks/exhaustive-deps

  if (spec.parent && !parentId) {
    return <div className="page"><h1 className="page-title">{spec.title}</h1><p>Open {spec.parentWords} in the register and choose this from there.</p><p><Link to="/powers">Go to the register</Link></p></div>;
  }
  if (parent.error) return <div className="page"><ErrorMessage error={parent.error} what={spec.parentWords ?? 'the record'} onRetry={parent.reload} /></div>;
  if (spec.parent && !parent.data) return <div className="page"><Loading what={spec.parentWords ?? 'the record'} /></div>;
  if (parent.data && spec.parent && !spec.parent.includes(parent.data.type)) {
    return <div className="page"><h1 className="page-title">{spec.title}</h1><p>This follows {spec.parentWords}; record {parent.data.id} is a {(TYPE_LABEL[parent.data.type] ?? parent.data.type).toLowerCase()}.</p><p><Link to={`/powers/${parent.data.id}`}>Back to the record</Link></p></div>;
  }

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
        const field = x instanceof ApiError ? x.details.map((d) => d.field).find((f) => f && FIELD_ID[f]) : undefined;
        setErrors([{ ...(field ? { fieldId: FIELD_ID[field]! } : {}), text: x instanceof Error ? x.message : String(x) }]);
      }
    } finally {
      setSaving(false);
    }
  }

  const myRank = rank.data?.rank ?? null;
  const rankText = rank.error ? 'Your rank could not be read.' : !rank.data ? 'Reading your rank…' : myRank ? `${RANK_LABEL[myRank] ?? myRank} (from your account)` : 'Your account holds no rank';
  const noRankHint = rank.data && !myRank ? 'Ask an administrator to record your rank on your account: acts that need a rank are refused until then.' : undefined;
  const police = v.agency === 'police';
  const subjectLegend = spec.subject === 'recipient' ? 'Recipient' : spec.subject === 'driver' ? 'Driver' : 'Person directed';
  const closure = kind.startsWith('closure');
  return (
    <div className="page" data-testid="power-form">
      <h1 className="page-title">{spec.title}</h1>
      <p className="lead">Times are UK time. The form is checked against the law in force at the time you give, as you type; nothing is saved until you press Save.</p>
      <ErrorSummary errors={errors} />
      {parent.data ? (
        <div className="powers-check" id="pf-parent" tabIndex={-1} data-testid="power-parent">
          <p className="powers-check__title">This follows</p>
          <p><Link to={`/powers/${parent.data.id}`}>{parentText(parent.data)}</Link></p>
          {err('pf-parent') ? <p className="field__error">{err('pf-parent')}</p> : null}
        </div>
      ) : null}
      <form className="powers-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend className="panel__title">When{spec.parent ? '' : ' and where'}</legend>
          <TextField id="pf-occurredAt" label={spec.when} type="datetime-local" {...text('occurredAt')} error={err('pf-occurredAt')} />
          {kind === 'dispersal_authorisation' ? <>
            <TextField id="pf-startsAt" label="Powers start at" type="datetime-local" {...text('startsAt')} error={err('pf-startsAt')} />
            <TextField id="pf-endsAt" label="Powers end at" hint="At most 48 hours after they start" type="datetime-local" {...text('endsAt')} error={err('pf-endsAt')} />
          </> : null}
          {kind === 'dispersal_direction' ? <TextField id="pf-exclusionEndsAt" label="Exclusion ends at" hint="At most 48 hours after the direction was given" type="datetime-local" {...text('exclusionEndsAt')} error={err('pf-exclusionEndsAt')} /> : null}
          {!spec.parent ? <>
            <TextField id="pf-district" label="District" {...text('district')} error={err('pf-district')} />
            {kind === 'dispersal_authorisation' ? <>
              <TextArea id="pf-lsoas" label="Neighbourhoods covered (LSOA codes)" hint="One or more codes such as E01024633, separated by spaces or new lines" rows={2} {...area('lsoas')} error={err('pf-lsoas')} />
              <TextField id="pf-localityDescription" label="Locality in words" hint="Streets and landmarks officers and the public will recognise" {...text('localityDescription')} />
            </> : <TextField id="pf-lsoaCode" label="Neighbourhood code (LSOA)" hint={kind === 'dispersal_direction' ? 'For example E01024000; it decides whether a dispersal authorisation covers the place' : 'For example E01024000'} {...text('lsoaCode')} error={err('pf-lsoaCode')} />}
            <TextField id="pf-placeDescription" label={closure ? 'Place' : 'Place'} hint="Street, landmark or premises" {...text('placeDescription')} />
          </> : null}
        </fieldset>
        {spec.subject !== 'none' ? (
          <fieldset>
            <legend className="panel__title">{subjectLegend}</legend>
            {spec.subject === 'recipient' ? <Checkbox id="pf-body" label="The recipient is a business or other body" checked={!!v.body} onChange={set('body')} /> : null}
            <TextField id="pf-name" label="Name" {...text('name')} error={err('pf-name')} />
            {!v.body || spec.subject !== 'recipient' ? <>
              <TextField id="pf-dateOfBirth" label="Date of birth, if known" type="date" {...text('dateOfBirth')} error={err('pf-dateOfBirth')} />
              <TextField id="pf-appearsAge" label="Age they appear to be" hint="When the date of birth is not known" type="number" min={0} max={120} {...text('appearsAge')} error={err('pf-appearsAge')} />
            </> : null}
          </fieldset>
        ) : null}
        <fieldset>
          <legend className="panel__title">Issued by</legend>
          {spec.agencies.length > 1 ? <SelectField id="pf-agency" label="Organisation" {...text('agency')} error={err('pf-agency')}>{spec.agencies.map((a) => <option key={a} value={a}>{AGENCY_LABEL[a]}</option>)}</SelectField> : null}
          {police ? <Fixed id="pf-rank" label="Rank" value={rankText} {...(noRankHint ? { hint: noRankHint } : {})} error={err('pf-rank')} /> : <>
            <TextField id="pf-issuerName" label="Name and role of the person who issued it" {...text('issuerName')} />
            {closure ? <Checkbox id="pf-signedBySenior" label={v.agency === 'housing_provider' ? "Signed by the housing provider's senior manager" : "Signed by the local authority's chief executive (or their designate)"} checked={!!v.signedBySenior} onChange={set('signedBySenior')} /> : null}
          </>}
        </fieldset>
        <KindFields kind={kind} v={v} set={set} text={text} area={area} err={err} check={check} parentRequirements={parentRequirements} parent={parent.data ?? null} />
        <Check check={refusal ? { ...(check ?? { valid: false, notices: [], deadlines: [], ruleVersions: [], derived: {}, district: '' }), valid: false, findings: refusal } as CheckResult : check} pending={pending} problem={refusal ? null : problem ?? (gap ? `Give ${gap} to check this against the rules.` : null)} />
        <fieldset>
          <legend className="panel__title">Already done outside the rules?</legend>
          <Checkbox id="pf-outside" label="This was already done and breaks a rule: record it outside the rules for a supervisor to review" checked={!!v.outside} onChange={set('outside')} />
          {v.outside ? <>
            <TextField id="pf-outsideReason" label="Why it was done this way" {...text('outsideReason')} error={err('pf-outsideReason')} />
            <Fixed id="pf-recorderRank" label="Your rank" hint="A sergeant or above records acts outside the rules" value={rankText} error={err('pf-recorderRank')} />
          </> : null}
        </fieldset>
        <button className="button" type="submit" disabled={saving} data-testid="power-save">{saving ? 'Saving…' : 'Save'}</button>
      </form>
    </div>
  );
}

interface KindProps {
  kind: FormKind; v: Values; set: (k: string) => (value: string | boolean) => void;
  text: (k: string) => { value: string; onChange: (e: { target: { value: string } }) => void };
  area: (k: string) => { value: string; onChange: (x: string) => void };
  err: (id: string) => string | undefined; check: CheckResult | null; parentRequirements: string[]; parent: RecordDetail | null;
}

/** The fields of one kind of act. */
function KindFields({ kind, v, set, text, area, err, check, parentRequirements, parent }: KindProps) {
  switch (kind) {
    case 'dispersal_authorisation':
      return (
        <fieldset>
          <legend className="panel__title">Grounds</legend>
          <TextArea id="pf-grounds" label="Why the powers are needed in this locality" hint="The behaviour, its effect on members of the public, and why dispersal is necessary" rows={4} {...area('grounds')} error={err('pf-grounds')} />
          <Checkbox id="pf-articles" error={err('pf-articles')} checked={!!v.articles} onChange={set('articles')} label="I have had particular regard to the rights of freedom of expression and of assembly" />
        </fieldset>
      );
    case 'dispersal_direction':
      return (
        <fieldset>
          <legend className="panel__title">The direction</legend>
          <TextField id="pf-excludedArea" label="Area the person must leave and not return to" {...text('excludedArea')} />
          <TextField id="pf-behaviour" label="What they were doing" hint="The behaviour that led to the direction" {...text('behaviour')} />
          <Checkbox id="pf-inWriting" label="Given in writing" checked={!!v.inWriting} onChange={set('inWriting')} />
          {!v.inWriting ? <TextField id="pf-notInWritingReason" label="Why it was not practicable to give it in writing" {...text('notInWritingReason')} error={err('pf-notInWritingReason')} /> : null}
          <Checkbox id="pf-offenceWarningGiven" label="Told them that not complying is an offence" checked={!!v.offenceWarningGiven} onChange={set('offenceWarningGiven')} />
          {!v.offenceWarningGiven || err('pf-offenceWarningImpracticableReason') ? <TextField id="pf-offenceWarningImpracticableReason" label="Why that was not practicable" {...text('offenceWarningImpracticableReason')} error={err('pf-offenceWarningImpracticableReason')} /> : null}
          <SelectField id="pf-removedKind" label="Taken home or to a place of safety (under 16s)" {...text('removedKind')} error={err('pf-removedKind')}>
            <option value="">No</option><option value="home">Taken home</option><option value="place_of_safety">Taken to a place of safety</option>
          </SelectField>
          {v.removedKind ? <TextField id="pf-removedWhere" label="Where to" {...text('removedWhere')} error={err('pf-removedWhere')} /> : null}
          <TextArea id="pf-surrenderedItems" label="Items surrendered, one per line" hint="Anything they were asked to hand over (for example alcohol or fireworks)" rows={2} {...area('surrenderedItems')} />
        </fieldset>
      );
    case 'dispersal_variation':
      return (
        <fieldset>
          <legend className="panel__title">The change</legend>
          <Checkbox id="pf-withdrawn" label="The direction is withdrawn" checked={!!v.withdrawn} onChange={set('withdrawn')} error={err('pf-withdrawn')} />
          {!v.withdrawn ? <TextField id="pf-exclusionEndsAt" label="Exclusion now ends at" hint={parent ? `Never more than 48 hours after the direction was first given (${londonTime(parent.occurredAt)})` : 'Never more than 48 hours after the direction was first given'} type="datetime-local" {...text('exclusionEndsAt')} error={err('pf-exclusionEndsAt')} /> : null}
          <Checkbox id="pf-noticeGiven" label="The person was told of the change" checked={!!v.noticeGiven} onChange={set('noticeGiven')} error={err('pf-noticeGiven')} />
        </fieldset>
      );
    case 'cpw':
    case 'cpn':
      return (
        <fieldset>
          <legend className="panel__title">The conduct and what must change</legend>
          <SelectField id="pf-conductCategory" label="Kind of conduct" {...text('conductCategory')} error={err('pf-conductCategory')}>{CONDUCT.map((c) => <option key={c} value={c}>{c}</option>)}</SelectField>
          <TextField id="pf-conduct" label="What they did and its effect on people nearby" {...text('conduct')} error={err('pf-conduct')} />
          <TextArea id="pf-requirements" label="Requirements, one per line" rows={4} {...area('requirements')} error={err('pf-requirements')} />
          {kind === 'cpn' ? <Checkbox id="pf-timeEnoughConfirmed" error={err('pf-timeEnoughConfirmed')} checked={!!v.timeEnoughConfirmed} onChange={set('timeEnoughConfirmed')}
            label={typeof check?.derived.daysSinceCpw === 'number' ? `I am satisfied that ${String(check.derived.daysSinceCpw)} days since the written warning was enough time to deal with the conduct` : 'I am satisfied they had enough time since the written warning to deal with the conduct'} /> : null}
        </fieldset>
      );
    case 'cpn_breach':
      return (
        <fieldset>
          <legend className="panel__title">The breach and what was done</legend>
          {parentRequirements.length ? (
            <SelectField id="pf-requirement" label="Requirement not met" {...text('requirement')} error={err('pf-requirement')}>{parentRequirements.map((q) => <option key={q} value={q}>{q}</option>)}</SelectField>
          ) : <TextField id="pf-requirement" label="Requirement not met" {...text('requirement')} error={err('pf-requirement')} />}
          <SelectField id="pf-action" label="What was done about it" {...text('action')} error={err('pf-action')}>{Object.entries(BREACH_ACTION_LABEL).map(([k, l]) => <option key={k} value={k}>{l}</option>)}</SelectField>
          <TextField id="pf-actionOn" label="Date of that action" hint="Leave empty if it was the day of the breach" type="date" {...text('actionOn')} error={err('pf-actionOn')} />
          <TextField id="pf-reasonableExcuse" label="Any excuse they gave, and why it was not reasonable" {...text('reasonableExcuse')} />
          <TextArea id="pf-notes" label="Notes" {...area('notes')} />
        </fieldset>
      );
    case 'cpn_fpn':
      return (
        <fieldset>
          <legend className="panel__title">The fixed penalty</legend>
          <TextField id="pf-failedAt" label="Failure to comply happened at" hint="The amount allowed is the one in force on that day" type="datetime-local" {...text('failedAt')} error={err('pf-failedAt')} />
          <TextField id="pf-amountGbp" label="Amount (£)" type="number" min={1} inputMode="decimal" {...text('amountGbp')} error={err('pf-amountGbp')} />
        </fieldset>
      );
    case 's59_warning':
    case 's59_seizure':
      return (
        <fieldset>
          <legend className="panel__title">The vehicle</legend>
          <TextField id="pf-vrm" label="Registration number" {...text('vrm')} error={err('pf-vrm')} />
          {kind === 's59_seizure' ? <>
            <Checkbox id="pf-warnedThisOccasion" label="The driver was warned on this occasion before the seizure" checked={!!v.warnedThisOccasion} onChange={set('warnedThisOccasion')} error={err('pf-warnedThisOccasion')} />
            <TextField id="pf-warningImpracticableReason" label="If no warning was given: why it was impracticable" {...text('warningImpracticableReason')} error={err('pf-warningImpracticableReason')} />
          </> : null}
        </fieldset>
      );
    case 'closure_notice':
      return (
        <fieldset>
          <legend className="panel__title">The notice</legend>
          <TextField id="pf-premises" label="Premises closed" hint="The address as written on the notice" {...text('premises')} error={err('pf-premises')} />
          <SelectField id="pf-periodHours" label="How long the notice lasts" hint="48 hours needs a superintendent, or the chief executive's signature" {...text('periodHours')} error={err('pf-periodHours')}>
            <option value="24">24 hours</option><option value="48">48 hours</option>
          </SelectField>
          <TextField id="pf-hearingAt" label="Court hearing at" hint="Within 48 hours of service (Christmas Day not counted)" type="datetime-local" {...text('hearingAt')} error={err('pf-hearingAt')} />
          <TextField id="pf-court" label="Court" {...text('court')} />
          <Checkbox id="pf-licensedPremises" label="The premises are licensed (alcohol or entertainment)" checked={!!v.licensedPremises} onChange={set('licensedPremises')} />
        </fieldset>
      );
    case 'closure_extension':
      return (
        <fieldset>
          <legend className="panel__title">The extension</legend>
          <SelectField id="pf-hours" label="Extended by" hint="A superintendent (or the chief executive) may extend a 24-hour notice by up to 24 hours, before it ends" {...text('hours')} error={err('pf-hours')}>
            {[6, 12, 18, 24].map((h) => <option key={h} value={String(h)}>{h} hours</option>)}
          </SelectField>
        </fieldset>
      );
    case 'closure_adjournment':
      return (
        <fieldset>
          <legend className="panel__title">The adjournment</legend>
          <TextField id="pf-adjournedTo" label="Adjourned to" hint="At most 14 days" type="date" {...text('adjournedTo')} error={err('pf-adjournedTo')} />
          <Checkbox id="pf-noticeContinues" label="The court ordered the notice to continue until the adjourned hearing" checked={!!v.noticeContinues} onChange={set('noticeContinues')} />
        </fieldset>
      );
    case 'closure_order':
      return (
        <fieldset>
          <legend className="panel__title">The order</legend>
          <TextField id="pf-endsOn" label="Order ends on" hint="At most 3 months from the day it is made" type="date" {...text('endsOn')} error={err('pf-endsOn')} />
          <TextField id="pf-court" label="Court" {...text('court')} />
          {parent?.details.licensedPremises === true ? <Checkbox id="pf-licensingAuthorityNotified" label="The licensing authority has been told of the order" checked={!!v.licensingAuthorityNotified} onChange={set('licensingAuthorityNotified')} error={err('pf-licensingAuthorityNotified')} /> : null}
        </fieldset>
      );
    case 'closure_order_extension':
      return (
        <fieldset>
          <legend className="panel__title">The extension</legend>
          <TextField id="pf-endsOn" label="Order now ends on" hint="At most 6 months in total from the first order" type="date" {...text('endsOn')} error={err('pf-endsOn')} />
        </fieldset>
      );
  }
}
