// Force records: what the force's own extracts cover, and crimes and ASB counted from them with the
// filters open data cannot give (victim age, domestic, where it happened).
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { useApi } from '../../app/useApi';
import { getAsb, getCrimeCounts, getSummary, type RecordKind, type RecordsProvenance, type RecordsSummary } from './api';
import { SourceSwitch } from './SourceSwitch';
import './records.css';

const KIND_WORDS: Record<RecordKind, string> = { crimes: 'Crimes', incidents: 'Incidents (including ASB)', outcomes: 'Outcomes' };
const PLACE_WORDS: Record<string, string> = {
  home: 'In a home', street: 'Street', retail: 'Shop or retail', licensed_premises: 'Pub, bar or club', education: 'School or college',
  transport: 'Public transport', open_space: 'Park or open space', other: 'Somewhere else',
};
const GROUP_WORDS: Record<string, string> = { month: 'Month', district: 'District', offence: 'Offence code', location: 'Where it happened' };
const n = (x: number) => x.toLocaleString('en-GB');
const day = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

interface Form {
  from: string;
  to: string;
  ageMin: string;
  ageMax: string;
  domestic: '' | 'true' | 'false';
  where: string;
  by: 'month' | 'district' | 'offence' | 'location';
  measure: 'crimes' | 'victims';
}

function defaults(s: RecordsSummary): Form | null {
  const crimes = s.coverage.filter((c) => c.kind === 'crimes');
  if (!crimes.length) return null;
  const to = crimes.reduce((m, c) => (c.to > m ? c.to : m), crimes[0]!.to);
  const earliest = crimes.reduce((m, c) => (c.from < m ? c.from : m), crimes[0]!.from);
  // The twelve months ending with the last month covered (or all of it, when shorter).
  const m = Number(to.slice(5, 7)) - 11;
  const start = `${Number(to.slice(0, 4)) - (m <= 0 ? 1 : 0)}-${String(m <= 0 ? m + 12 : m).padStart(2, '0')}-01`;
  const from = start > earliest ? start : earliest;
  return { from, to, ageMin: '', ageMax: '', domestic: '', where: '', by: 'month', measure: 'crimes' };
}

function query(f: Form) {
  return {
    from: f.from, to: f.to, victimAgeMin: f.ageMin, victimAgeMax: f.ageMax, domestic: f.domestic, by: f.by, measure: f.measure,
    locationType: f.where && f.where !== 'outside' ? f.where : undefined,
    notLocationType: f.where === 'outside' ? 'home' : undefined,
  };
}

function Provenance({ p, testId }: { p: RecordsProvenance | undefined; testId: string }) {
  if (!p) return null;
  return (
    <ul className="records-provenance" data-testid={testId}>
      {p.extracts.map((e) => <li key={`${e.importId}-${e.from}`}>From {e.source}: {day(e.from)} to {day(e.to)}, taken on {day(e.extractedOn)}.</li>)}
      {p.notCovered.length ? <li><strong>No extract covers</strong> {p.notCovered.map((g) => `${day(g.from)} to ${day(g.to)}`).join('; ')}: the figures are short of those days.</li> : null}
      {p.rules.map((r) => <li key={r}>{r}</li>)}
    </ul>
  );
}

function Coverage({ s }: { s: RecordsSummary }) {
  return (
    <section className="panel" aria-labelledby="coverage-title" data-testid="records-coverage">
      <h2 className="panel__title" id="coverage-title">What the force's records cover</h2>
      {s.coverage.length === 0 ? <p className="empty">No extracts imported yet. An administrator imports them with the import-records command.</p> : (
        <table className="table">
          <thead><tr><th scope="col">Kind</th><th scope="col">Covers</th><th scope="col">Taken on</th><th scope="col">Extract</th></tr></thead>
          <tbody>
            {s.coverage.map((c) => (
              <tr key={`${c.kind}-${c.from}`}><th scope="row">{KIND_WORDS[c.kind]}</th><td className="nowrap">{day(c.from)} to {day(c.to)}</td><td className="nowrap">{day(c.extractedOn)}</td><td>{c.source}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="figures">
        <div className="figure"><dt>Crime records</dt><dd className="figure__value" data-testid="rows-crimes">{n(s.rows.crimes)}</dd><dd className="figure__note">one per victim of each crime</dd></div>
        <div className="figure"><dt>Incident records</dt><dd className="figure__value">{n(s.rows.incidents)}</dd></div>
        <div className="figure"><dt>People in the records</dt><dd className="figure__value" data-testid="person-keys">{n(s.personKeys.total)}</dd><dd className="figure__note">{n(s.personKeys.linked)} linked to a person record; the rest are known only by a pseudonym</dd></div>
      </dl>
    </section>
  );
}

export function RecordsPage() {
  const summary = useApi('records-summary', getSummary);
  const [form, setForm] = useState<Form | null>(null);
  const [applied, setApplied] = useState<Form | null>(null);
  const s = summary.data;
  const current = applied ?? (s ? defaults(s) : null);
  const draft = form ?? current;
  const key = current ? JSON.stringify(query(current)) : null;
  const crimes = useApi(key ? `crimes:${key}` : null, (signal) => getCrimeCounts(query(current!), signal));
  const asb = useApi(current ? `asb:${current.from}:${current.to}` : null, (signal) => getAsb({ from: current!.from, to: current!.to }, signal));
  const set = (patch: Partial<Form>) => setForm({ ...draft!, ...patch });
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    if (draft.from > draft.to) return setError('“From” must be the same day as or before “To”');
    if (draft.ageMin && draft.ageMax && Number(draft.ageMin) > Number(draft.ageMax)) return setError('The lower victim age must not be above the upper one');
    setError(null);
    setApplied(draft);
  };
  const ready = Boolean(s && (!current || (crimes.data && asb.data && !crimes.loading && !asb.loading)));

  return (
    <div className="page" data-testid="records-page" data-ready={ready ? 'true' : 'false'}>
      <SourceSwitch current="records" />
      <h1 className="page-title">Force records</h1>
      <p className="lead">Crimes and incidents from the force's own records: victims' ages, domestic abuse and where offences happened, which open data does not give. People appear only as pseudonyms.</p>
      {summary.error ? <ErrorMessage error={summary.error} what="what the records cover" onRetry={summary.reload} /> : !s ? <Loading what="what the records cover" /> : (
        <>
          {s.demo ? <p className="notice" data-testid="records-demo">These are demonstration records, generated for the demo: not real crimes or people.</p> : null}
          <Coverage s={s} />
          {draft ? (
            <section className="panel" aria-labelledby="explore-title">
              <h2 className="panel__title" id="explore-title">Count crimes</h2>
              {error ? <div className="error-summary" role="alert"><h3 className="error-summary__title">There is a problem</h3><a href="#records-from">{error}</a></div> : null}
              <form className="records-form" onSubmit={submit} noValidate data-testid="records-filters">
                <div className="field"><label className="field__label" htmlFor="records-from">Recorded from</label><input id="records-from" type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} /></div>
                <div className="field"><label className="field__label" htmlFor="records-to">Recorded to</label><input id="records-to" type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} /></div>
                <div className="field"><label className="field__label" htmlFor="records-age-min">Victim aged at least</label><input id="records-age-min" type="number" min={0} max={130} value={draft.ageMin} onChange={(e) => set({ ageMin: e.target.value })} /></div>
                <div className="field"><label className="field__label" htmlFor="records-age-max">Victim aged at most</label><input id="records-age-max" type="number" min={0} max={130} value={draft.ageMax} onChange={(e) => set({ ageMax: e.target.value })} data-testid="records-age-max" /></div>
                <div className="field"><label className="field__label" htmlFor="records-domestic">Domestic abuse</label>
                  <select id="records-domestic" className="select" value={draft.domestic} onChange={(e) => set({ domestic: e.target.value as Form['domestic'] })}>
                    <option value="">Either</option><option value="true">Domestic only</option><option value="false">Not domestic</option>
                  </select></div>
                <div className="field"><label className="field__label" htmlFor="records-where">Where</label>
                  <select id="records-where" className="select" value={draft.where} onChange={(e) => set({ where: e.target.value })} data-testid="records-where">
                    <option value="">Anywhere</option><option value="outside">Outside the home</option>
                    {Object.entries(PLACE_WORDS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                  </select></div>
                <div className="field"><label className="field__label" htmlFor="records-by">Show by</label>
                  <select id="records-by" className="select" value={draft.by} onChange={(e) => set({ by: e.target.value as Form['by'] })}>
                    {Object.entries(GROUP_WORDS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                  </select></div>
                <div className="field"><label className="field__label" htmlFor="records-measure">Count</label>
                  <select id="records-measure" className="select" value={draft.measure} onChange={(e) => set({ measure: e.target.value as Form['measure'] })}>
                    <option value="crimes">Crimes (each once)</option><option value="victims">Victims</option>
                  </select></div>
                <div className="field"><button type="submit" className="button" data-testid="records-apply">Count</button></div>
              </form>
              <div className="records-columns">
                <div>
                  {crimes.error ? <ErrorMessage error={crimes.error} what="the crime counts" onRetry={crimes.reload} /> : !crimes.data ? <Loading what="crime counts" /> : (
                    <>
                      <p className="figure__value" data-testid="records-total">{n(crimes.data.total)} <span className="figure__note">{crimes.data.measure === 'victims' ? 'victims' : 'crimes'}</span></p>
                      <table className="table table--compact" data-testid="records-counts">
                        <thead><tr><th scope="col">{GROUP_WORDS[crimes.data.by] ?? 'Group'}</th><th scope="col" className="num">{crimes.data.measure === 'victims' ? 'Victims' : 'Crimes'}</th></tr></thead>
                        <tbody>{crimes.data.rows.map((r) => <tr key={r.key ?? 'none'}><th scope="row">{r.key === null ? 'Not recorded' : crimes.data!.by === 'location' ? (PLACE_WORDS[r.key] ?? r.key) : r.key}</th><td className="num">{n(r.count)}</td></tr>)}</tbody>
                      </table>
                      <Provenance p={crimes.data.provenance} testId="records-provenance" />
                    </>
                  )}
                </div>
                <div>
                  <h3>Anti-social behaviour incidents</h3>
                  {asb.error ? <ErrorMessage error={asb.error} what="the ASB counts" onRetry={asb.reload} /> : !asb.data ? <Loading what="ASB counts" /> : (
                    <>
                      <table className="table table--compact" data-testid="records-asb">
                        <thead><tr><th scope="col">Type</th><th scope="col" className="num">Incidents</th></tr></thead>
                        <tbody>
                          <tr><th scope="row">Personal</th><td className="num">{n(asb.data.categories.personal)}</td></tr>
                          <tr><th scope="row">Nuisance</th><td className="num">{n(asb.data.categories.nuisance)}</td></tr>
                          <tr><th scope="row">Environmental</th><td className="num">{n(asb.data.categories.environmental)}</td></tr>
                        </tbody>
                        <tfoot><tr><th scope="row">All ASB</th><td className="num">{n(asb.data.total)}</td></tr></tfoot>
                      </table>
                      <Provenance p={asb.data.provenance} testId="records-asb-provenance" />
                    </>
                  )}
                </div>
              </div>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
