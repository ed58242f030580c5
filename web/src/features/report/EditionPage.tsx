import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { apiFormErrors, ErrorSummary, TextField, type FormError } from '../../app/forms';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { editionHtml, fileUrl, getEdition, moveEdition, PROFILES, setManualFigure, setNarrative, STATUS_WORDS, type EditionDetail } from './api';

const DRAFTERS = ['admin', 'analyst', 'supervisor'];
const APPROVERS = ['admin', 'supervisor'];

function NarrativeForm({ edition, section, onDone }: { edition: EditionDetail; section: EditionDetail['sections'][number]; onDone: () => void }) {
  const [text, setText] = useState(section.narrative ?? '');
  const [saved, setSaved] = useState('');
  const id = `narrative-${section.id}`;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await setNarrative(edition.id, section.id, text);
    setSaved('Saved.');
    onDone();
  };
  return (
    <form onSubmit={(e) => void save(e)} className="field">
      <label className="field__label" htmlFor={id}>Your words on “{section.title}”</label>
      <textarea id={id} className="textarea" rows={4} value={text} onChange={(e) => { setText(e.target.value); setSaved(''); }} />
      <button type="submit" className="button button--secondary button--small">Save the words</button> <span role="status">{saved}</span>
    </form>
  );
}

const MANUAL_FIELDS: Record<string, [string, string]> = { label: ['manual-label', 'What it counts'], count: ['manual-count', 'Number'], source: ['manual-source', 'Where it comes from'], owner: ['manual-owner', 'Who is responsible for it'], section: ['manual-label', 'Section'] };

function ManualFigureForm({ edition, onDone }: { edition: EditionDetail; onDone: () => void }) {
  const [section, setSection] = useState(edition.sections[0]?.id ?? '');
  const [label, setLabel] = useState('');
  const [count, setCount] = useState('');
  const [source, setSource] = useState('');
  const [owner, setOwner] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [byField, setByField] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'figure';
      await setManualFigure(edition.id, { section, id: /^[a-z]/.test(slug) ? slug : `f-${slug}`, label, count: Number(count), source, owner });
      setLabel(''); setCount(''); setSource(''); setOwner(''); setErrors([]); setByField({});
      onDone();
    } catch (err) {
      const { byField: f, list } = apiFormErrors(err, MANUAL_FIELDS);
      setErrors(list);
      setByField(f);
    }
  };
  return (
    <section className="panel form-panel" aria-labelledby="manual-heading">
      <h2 className="panel__title" id="manual-heading">Add a figure with no record behind it</h2>
      <p className="field__hint">For numbers the system does not hold (school sign-ups, social media reach): say where each comes from and who owns it. The report marks them as entered by hand.</p>
      <ErrorSummary errors={errors} testId="manual-errors" />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="manual-section">Section</label>
          <select id="manual-section" className="select" value={section} onChange={(e) => setSection(e.target.value)}>
            {edition.sections.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </select>
        </div>
        <TextField id="manual-label" label="What it counts" value={label} onChange={(e) => setLabel(e.target.value)} error={byField['manual-label']} />
        <TextField id="manual-count" label="Number" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} error={byField['manual-count']} />
        <TextField id="manual-source" label="Where it comes from" value={source} onChange={(e) => setSource(e.target.value)} error={byField['manual-source']} />
        <TextField id="manual-owner" label="Who is responsible for it" value={owner} onChange={(e) => setOwner(e.target.value)} error={byField['manual-owner']} />
        <button type="submit" className="button button--secondary">Add the figure</button>
      </form>
    </section>
  );
}

/** One edition: its sections and narrative, sign-off and publication, the preview and the downloads. */
export function EditionPage({ me, id }: { me: Me; id: string }) {
  const n = Number(id);
  const edition = useApi(`report-edition-${id}`, (signal) => getEdition(n, signal));
  const [html, setHtml] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const data = edition.data;
  const reload = () => {
    edition.reload();
    void editionHtml(n).then(setHtml, () => setHtml(null));
  };
  useEffect(() => {
    void editionHtml(n).then(setHtml, () => setHtml(null));
  }, [n]);

  const move = async (m: 'regenerate' | 'approve' | 'reopen' | 'publish') => {
    setBusy(true);
    setMoveError([]);
    try {
      await moveEdition(n, m);
      reload();
    } catch (err) {
      setMoveError(err instanceof ApiError ? (err.findings?.length ? err.findings.map((f) => f.message) : [err.message]) : ['Something went wrong: try again']);
    } finally {
      setBusy(false);
    }
  };

  if (edition.error) return <ErrorMessage error={edition.error} what="the report edition" onRetry={edition.reload} />;
  if (!data) return <Loading what="the report edition" />;
  const drafting = data.status === 'draft' && DRAFTERS.includes(me.role);
  return (
    <>
      <p><Link to="/report">All editions</Link></p>
      <h1 className="page-title">{data.title}</h1>
      <p className="lead">
        {STATUS_WORDS[data.status]} · for {PROFILES[data.profile]?.label.toLowerCase() ?? data.profile} readers ({PROFILES[data.profile]?.hint.toLowerCase()}) · figures from the records as at {data.asOf}
        {data.approvedBy ? ` · signed off by ${data.approvedBy.replace(/^(user|cli):/, '')}` : ''}
      </p>
      {moveError.length ? (
        <div className="error-summary" role="alert" data-testid="edition-refused">
          <h2 className="error-summary__title">This cannot be done yet</h2>
          <ul>{moveError.map((m) => <li key={m}>{m}</li>)}</ul>
        </div>
      ) : null}
      <div className="button-row">
        {drafting ? <button type="button" className="button button--secondary" disabled={busy} onClick={() => void move('regenerate')}>Take the figures again from the records</button> : null}
        {data.status === 'draft' && APPROVERS.includes(me.role) ? <button type="button" className="button" disabled={busy} onClick={() => void move('approve')}>Sign off</button> : null}
        {data.status === 'approved' && APPROVERS.includes(me.role) ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void move('publish')}>Publish</button>{' '}
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void move('reopen')}>Send back to draft</button>
          </>
        ) : null}
      </div>
      <section className="panel" aria-labelledby="downloads-heading">
        <h2 className="panel__title" id="downloads-heading">Download</h2>
        <ul className="inline-list">
          <li><a href={fileUrl(n, 'html')}>Web page</a></li>
          <li><a href={fileUrl(n, 'pdf')}>PDF</a></li>
          <li><a href={fileUrl(n, 'xlsx')}>Spreadsheet</a></li>
          <li><a href={fileUrl(n, 'json')}>Figures with their sources (JSON)</a></li>
        </ul>
        {data.status === 'published' ? <p className="field__hint">These are the files stored when the edition was published.</p> : <p className="field__hint">Drafts are rendered from the edition’s figures each time.</p>}
      </section>
      {data.sections.map((s) => (
        <section key={s.id} className="panel" aria-labelledby={`sec-${s.id}`}>
          <h2 className="panel__title" id={`sec-${s.id}`}>{s.title}</h2>
          <p>{s.figures === 1 ? '1 headline figure' : `${s.figures} headline figures`}, {s.tables === 1 ? '1 table' : `${s.tables} tables`}.</p>
          {s.notes.map((x) => <p key={x} className="field__hint">{x}</p>)}
          {drafting ? <NarrativeForm edition={data} section={s} onDone={reload} /> : s.narrative ? <p className="narrative">{s.narrative}</p> : <p className="empty">No words written for this section.</p>}
        </section>
      ))}
      {drafting ? <ManualFigureForm edition={data} onDone={reload} /> : null}
      <section className="panel" aria-labelledby="preview-heading">
        <h2 className="panel__title" id="preview-heading">Preview</h2>
        {html ? <iframe title="Preview of the edition" className="report-preview" sandbox="" srcDoc={html} data-testid="edition-preview" /> : <Loading what="the preview" />}
      </section>
    </>
  );
}
