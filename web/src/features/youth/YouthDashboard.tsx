// The youth dashboard: the quarter's tables and the follow-up measure, each with its definition.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { useApi } from '../../app/useApi';
import '../plans/plans.css';
import { getCounts, type Cell, type Counts, type FollowupFigure } from './api';

const n = (c: Cell) => <td className="num">{c.value}{c.small ? <span title="Fewer than the small-count threshold: do not publish unrounded"> *</span> : null}</td>;
const pct = (x: number | null) => (x === null ? 'not yet known' : `${(x * 100).toFixed(0)}%`);
const TYPE_WORDS: Record<string, string> = { workbook: 'Workbooks', programme: 'Programmes (e.g. Reframe)', deferred_outcome: 'Deferred outcomes' };
const DELIVERER_WORDS: Record<string, string> = { police: 'Police', school: 'School' };

function Figure({ f, label }: { f: FollowupFigure; label: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{f.cohortSize}</td><td className="num">{f.stillInWindow}</td><td className="num">{f.denominator}</td><td className="num">{f.numerator}</td>
      <td className="num">{pct(f.rate)}</td>
      <td className="num nowrap">{f.interval ? `${(f.interval.lower * 100).toFixed(0)}% to ${(f.interval.upper * 100).toFixed(0)}%` : '–'}</td>
    </tr>
  );
}

function Tables({ c }: { c: Counts }) {
  const completed = c.followup.find((f) => f.cohort === 'completed')!;
  const started = c.followup.find((f) => f.cohort === 'started')!;
  const dq = c.deferredOutcomes;
  return (
    <>
      {c.provenance.demo ? <p className="notice" data-testid="youth-demo">These figures include demonstration records.</p> : null}
      <p className="lead">Quarter {c.quarter} ({c.period.from} to {c.period.to}), compared with {c.previousQuarter}. Figures as of {c.asOf}. * marks counts under {c.smallCountThreshold}.</p>
      <section className="panel" aria-labelledby="wb-title">
        <h2 className="panel__title" id="wb-title">Workbooks by category</h2>
        <p className="hint">{c.provenance.definitions.workbooks}</p>
        <table className="table" data-testid="youth-workbooks">
          <thead><tr><th scope="col">Category</th><th scope="col" className="num">Completed</th><th scope="col" className="num">Previous quarter</th><th scope="col" className="num">Started</th><th scope="col" className="num">Not completed</th></tr></thead>
          <tbody>
            {c.workbooks.byCategory.map((r) => <tr key={r.category}><th scope="row">{r.category}</th>{n(r.completed)}{n(r.previousCompleted)}{n(r.started)}{n(r.notCompleted)}</tr>)}
            <tr><th scope="row">Total</th>{n(c.workbooks.total.completed)}{n(c.workbooks.total.previousCompleted)}{n(c.workbooks.total.started)}{n(c.workbooks.total.notCompleted)}</tr>
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="prog-title">
        <h2 className="panel__title" id="prog-title">Programme referrals</h2>
        <table className="table" data-testid="youth-programmes">
          <thead><tr><th scope="col">Programme</th><th scope="col" className="num">Referred</th><th scope="col" className="num">Previous quarter</th><th scope="col" className="num">Completed</th><th scope="col" className="num">Not completed</th></tr></thead>
          <tbody>{c.programmes.length === 0 ? <tr><td colSpan={5}>No referrals.</td></tr> : c.programmes.map((p) => <tr key={p.programme}><th scope="row">{p.programme}</th>{n(p.referred)}{n(p.previousReferred)}{n(p.completed)}{n(p.notCompleted)}</tr>)}</tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="do-title">
        <h2 className="panel__title" id="do-title">Deferred outcomes (Outcome 22)</h2>
        <p className="hint">{c.provenance.definitions.deferredOutcomes}</p>
        <table className="table" data-testid="youth-deferred-counts">
          <thead><tr><td></td><th scope="col" className="num">Offered</th><th scope="col" className="num">Accepted</th><th scope="col" className="num">Declined</th><th scope="col" className="num">Completed</th><th scope="col" className="num">Returned</th></tr></thead>
          <tbody>
            <tr><th scope="row">This quarter</th>{n(dq.current.offered)}{n(dq.current.accepted)}{n(dq.current.declined)}{n(dq.current.completed)}{n(dq.current.returned)}</tr>
            <tr><th scope="row">Previous quarter</th>{n(dq.previous.offered)}{n(dq.previous.accepted)}{n(dq.previous.declined)}{n(dq.previous.completed)}{n(dq.previous.returned)}</tr>
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="ls-title">
        <h2 className="panel__title" id="ls-title">School lessons</h2>
        <p className="hint">{c.provenance.definitions.lessons}</p>
        {([['By who delivered them', c.lessons.byDeliverer.map((r) => [DELIVERER_WORDS[r.deliverer] ?? r.deliverer, r] as const)], ['By topic', c.lessons.byTopic.map((r) => [r.topic, r] as const)], ['By district', c.lessons.byDistrict.map((r) => [r.district, r] as const)]] as const).map(([title, rows]) => (
          <table className="table" key={title}>
            <caption>{title}</caption>
            <thead><tr><td></td><th scope="col" className="num">Lessons</th><th scope="col" className="num">Students reached</th><th scope="col" className="num">Previous quarter</th></tr></thead>
            <tbody>{rows.length === 0 ? <tr><td colSpan={4}>No lessons.</td></tr> : rows.map(([label, r]) => <tr key={label}><th scope="row">{label}</th>{n(r.deliveries)}<td className="num">{r.studentsReached}</td><td className="num">{r.previousStudentsReached}</td></tr>)}</tbody>
          </table>
        ))}
      </section>
      <section className="panel" aria-labelledby="fu-title" data-testid="youth-followup">
        <h2 className="panel__title" id="fu-title">Further formal outcomes after an intervention</h2>
        {[['Children who completed', completed], ['Everyone who started', started]] .map(([label, f]) => {
          const g = f as typeof completed;
          return (
            <div key={label as string}>
              <h3>{label as string}</h3>
              <p className="hint">{g.combined.definition}</p>
              <table className="table">
                <thead><tr><td></td><th scope="col" className="num">Children</th><th scope="col" className="num">Still in their window</th><th scope="col" className="num">Counted</th><th scope="col" className="num">With a further outcome</th><th scope="col" className="num">Share</th><th scope="col" className="num">95% range</th></tr></thead>
                <tbody>
                  <Figure f={g.combined} label="All interventions" />
                  {Object.entries(g.byType).map(([t, fig]) => <Figure key={t} f={fig} label={TYPE_WORDS[t] ?? t} />)}
                  <Figure f={g.previous} label={`All, ${c.previousQuarter}`} />
                  {Object.entries(g.byDistrict.current).map(([d, fig]) => <Figure key={d} f={fig} label={`District: ${d}`} />)}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>
    </>
  );
}

export function YouthDashboard() {
  const [quarter, setQuarter] = useState('');
  const counts = useApi(`youth-counts-${quarter}`, (s) => getCounts(quarter, s));
  return (
    <div className="page" data-testid="youth-dashboard" data-ready={counts.data ? 'true' : 'false'}>
      <h1 className="page-title">Youth interventions this quarter</h1>
      <label htmlFor="youth-quarter">Quarter </label>
      <input id="youth-quarter" placeholder="e.g. 2025-26Q2" defaultValue={quarter} onBlur={(e) => setQuarter(e.currentTarget.value.trim())} />
      {counts.error ? <ErrorMessage error={counts.error} what="the quarter's figures" onRetry={counts.reload} /> : !counts.data ? <Loading what="the quarter's figures" /> : <Tables c={counts.data} />}
    </div>
  );
}
