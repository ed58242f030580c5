// One act in the register: what was done, when and by whom, the law's clocks it started, its tasks,
// the act it follows and those that follow it; the rules it was judged by.
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import { useApi } from '../../app/useApi';
import type { Me } from '../../app/session';
import { ageText, AGENCY_LABEL, BREACH_ACTION_LABEL, getRecord, londonTime, mayRecord, RANK_LABEL, TASK_LABEL, TYPE_LABEL } from './api';
import './powers.css';

const yes = (b: unknown) => (b === true ? 'Yes' : b === false ? 'No' : '–');

/** The acts that may follow one of this type, with the words of their link. */
const NEXT: Record<string, [string, string][]> = {
  dispersal_direction: [['dispersal_variation', 'Vary or withdraw this direction']],
  cpn: [['cpn_breach', 'Record a breach of this notice'], ['cpn_fpn', 'Record a fixed penalty']],
  closure_notice: [['closure_extension', 'Extend this notice'], ['closure_adjournment', 'Record an adjourned hearing'], ['closure_order', 'Record the closure order']],
  closure_order: [['closure_order_extension', 'Record an extension of the order']],
};
const RANK_FROM: Record<string, string> = { account: 'from the officer\'s account', stated: 'as stated when recorded, not from an account' };

export function PowerRecordPage({ me, id }: { me: Me; id: string }) {
  const r = useApi(`power:${id}`, (s) => getRecord(id, s));
  if (r.error) return <div className="page"><ErrorMessage error={r.error} what="this record" onRetry={r.reload} /></div>;
  if (!r.data) return <div className="page"><Loading what="the record" /></div>;
  const x = r.data;
  const d = x.details;
  return (
    <div className="page" data-testid="power-record" data-ready="true">
      <p><Link to="/powers">Back to the register</Link></p>
      <h1 className="page-title">{TYPE_LABEL[x.type] ?? x.type}{x.demo ? <span className="tag tag--grey powers-tag">Demo</span> : null}</h1>
      {x.outsideRules ? (
        <div className="powers-check powers-check--bad" data-testid="outside-rules">
          <p className="powers-check__title">Recorded outside the rules (counted apart; a supervisor reviews it)</p>
          <p>Reason given: {x.outsideRules.reason}</p>
          <ul>{x.outsideRules.findings.map((f) => <li key={f.rule}>{f.message}{f.legalSource ? <span className="powers-source"> ({f.legalSource})</span> : null}</li>)}</ul>
        </div>
      ) : null}
      <section className="panel">
        <dl className="powers-dl">
          <dt>When</dt><dd>{londonTime(x.occurredAt)}</dd>
          {x.endsAt ? <><dt>Has effect until</dt><dd>{londonTime(x.endsAt)}</dd></> : null}
          <dt>Where</dt><dd>{[x.placeDescription, x.district, x.lsoaCode].filter(Boolean).join(', ')}</dd>
          {x.subject.name || x.subject.ageAtEvent !== null ? <><dt>Person</dt><dd>{x.subject.name ?? 'Not named'}{x.subject.body ? ' (a body)' : ''}</dd>
            <dt>Age at the time</dt><dd>{ageText(x.subject.ageAtEvent, x.subject.ageBasis)}</dd></> : null}
          {x.vehicleVrm ? <><dt>Vehicle</dt><dd>{x.vehicleVrm}</dd></> : null}
          {x.conductCategory ? <><dt>Conduct</dt><dd>{x.conductCategory}: {String(d.conduct ?? '')}</dd></> : null}
          {Array.isArray(d.requirements) ? <><dt>Requirements</dt><dd><ul>{(d.requirements as string[]).map((q) => <li key={q}>{q}</li>)}</ul></dd></> : null}
          {'inWriting' in d ? <><dt>In writing</dt><dd>{yes(d.inWriting)}{d.notInWritingReason ? ` (${String(d.notInWritingReason)})` : ''}</dd><dt>Offence warning given</dt><dd>{yes(d.offenceWarningGiven)}</dd></> : null}
          {d.grounds ? <><dt>Grounds</dt><dd>{String(d.grounds)}</dd></> : null}
          {d.startsAt ? <><dt>Powers from</dt><dd>{londonTime(String(d.startsAt))}</dd></> : null}
          {d.locality && typeof d.locality === 'object' ? <><dt>Locality</dt><dd>{[(d.locality as { description?: string }).description, ((d.locality as { lsoas?: string[] }).lsoas ?? []).join(', ')].filter(Boolean).join(': ')}</dd></> : null}
          {'articles10And11Regard' in d ? <><dt>Regard to freedom of expression and assembly</dt><dd>{yes(d.articles10And11Regard)}</dd></> : null}
          {d.excludedArea ? <><dt>Area excluded from</dt><dd>{String(d.excludedArea)}</dd></> : null}
          {d.removedTo && typeof d.removedTo === 'object' ? <><dt>Taken to</dt><dd>{(d.removedTo as { kind: string }).kind === 'home' ? 'Home' : 'A place of safety'}: {(d.removedTo as { where: string }).where}</dd></> : null}
          {Array.isArray(d.surrenderedItems) && d.surrenderedItems.length ? <><dt>Items surrendered</dt><dd>{(d.surrenderedItems as string[]).join('; ')}</dd></> : null}
          {'withdrawn' in d ? <><dt>Withdrawn</dt><dd>{yes(d.withdrawn)}</dd><dt>Person told of the change</dt><dd>{yes(d.noticeGiven)}</dd></> : null}
          {d.requirement ? <><dt>Requirement not met</dt><dd>{String(d.requirement)}</dd></> : null}
          {d.action ? <><dt>What was done</dt><dd>{BREACH_ACTION_LABEL[String(d.action)] ?? String(d.action)}{d.actionOn ? ` (${String(d.actionOn)})` : ''}</dd></> : null}
          {d.reasonableExcuseConsidered ? <><dt>Excuse considered</dt><dd>{String(d.reasonableExcuseConsidered)}</dd></> : null}
          {typeof d.amountGbp === 'number' ? <><dt>Amount</dt><dd>£{String(d.amountGbp)}</dd></> : null}
          {d.hearingAt ? <><dt>Hearing</dt><dd>{londonTime(String(d.hearingAt))}{d.court ? `, ${String(d.court)}` : ''}</dd></> : null}
          {d.adjournedTo ? <><dt>Adjourned to</dt><dd>{String(d.adjournedTo)}{d.noticeContinues ? ' (notice continues)' : ''}</dd></> : null}
          {d.premises ? <><dt>Premises</dt><dd>{String(d.premises)}</dd></> : null}
          <dt>By</dt><dd>{x.issuer.rank ? RANK_LABEL[x.issuer.rank] : AGENCY_LABEL[x.issuer.agency]}{x.issuer.name ? `, ${x.issuer.name}` : ''}{x.issuer.rank && d.issuerRankFrom ? <span className="powers-source"> (rank {RANK_FROM[String(d.issuerRankFrom)]})</span> : null}</dd>
        </dl>
      </section>
      {x.notices.length ? <section className="panel"><h2 className="panel__title">Notes</h2><ul>{x.notices.map((n) => <li key={n.rule}>{n.message}</li>)}</ul></section> : null}
      <section className="panel">
        <h2 className="panel__title">Time limits</h2>
        {x.deadlines.length === 0 ? <p className="empty">None.</p> : <ul>{x.deadlines.map((k) => <li key={k.kind + k.due}>{k.superseded ? <s>{k.what}: {k.at ? londonTime(k.at) : k.due}</s> : <>{k.what}: {k.at ? londonTime(k.at) : k.due}</>}{k.legalSource ? <span className="powers-source"> ({k.legalSource})</span> : null}</li>)}</ul>}
      </section>
      {x.tasks.length ? <section className="panel"><h2 className="panel__title">Tasks</h2><ul>{x.tasks.map((k) => <li key={k.id}>{TASK_LABEL[k.kind]}: due {k.due}, {k.status === 'done' ? `done (${k.outcome ?? ''})` : <Link to="/powers/due">open</Link>}</li>)}</ul></section> : null}
      {x.parent || x.followUps.length ? (
        <section className="panel"><h2 className="panel__title">Related acts</h2><ul>
          {x.parent ? <li>Follows: <Link to={`/powers/${x.parent.id}`}>{TYPE_LABEL[x.parent.type]} of {londonTime(x.parent.occurredAt)}</Link></li> : null}
          {x.followUps.map((f) => <li key={f.id}>Followed by: <Link to={`/powers/${f.id}`}>{TYPE_LABEL[f.type]} of {londonTime(f.occurredAt)}</Link></li>)}
        </ul></section>
      ) : null}
      {mayRecord(me.role) && NEXT[x.type] ? (
        <section className="panel"><h2 className="panel__title">What happened next</h2>
          <p className="powers-actions">{NEXT[x.type]!.map(([k, words]) => <Link key={k} className="button button--secondary" to={`/powers/new/${k}?parent=${x.id}`}>{words}</Link>)}</p>
        </section>
      ) : null}
      <details><summary>Rules this was judged by</summary><p className="powers-source">{x.ruleVersions.join(', ') || 'none recorded'}</p></details>
    </div>
  );
}
