// The problem page: walks the OSARA stages with their forms, the figures with their provenance,
// the quality score, the stage history and, once closed, the case study export.
import { useState } from 'react';
import type { Finding } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { assess, getProblem, mayEditProblems, patchProblem, STAGE_LABEL, STAGES, type Problem, type Stage } from './api';
import { ProblemReviews } from '../panels/ProblemReviews';
import { AssessmentResult } from './AssessmentResult';
import { CaseStudyPreview } from './CaseStudyPreview';
import { CountsPanel } from './CountsPanel';
import { LinksPanel } from './LinksPanel';
import { QualityPanel, HistoryPanel } from './QualityPanel';
import { ResponseSection } from './ResponseSection';
import { StageControls } from './StageControls';
import { StageFields } from './StageFields';
import { STAGE_FIELDS } from './stages';
import './problems.css';

export function ProblemRoute({ id }: { id: string }) {
  const n = Number(id);
  const problem = useApi(Number.isInteger(n) && n > 0 ? `problem:${n}` : null, (s) => getProblem(n, s));
  const [fresh, setFresh] = useState<Problem | null>(null);
  if (!Number.isInteger(n) || n < 1) return <div className="page"><h1 className="page-title">No such problem</h1></div>;
  if (problem.error) return <div className="page"><ErrorMessage error={problem.error} what={`problem ${n}`} onRetry={problem.reload} /></div>;
  const p = fresh && fresh.id === n && (!problem.data || fresh.updatedAt >= problem.data.updatedAt) ? fresh : problem.data;
  if (!p) return <div className="page"><Loading what="the problem" /></div>;
  return <ProblemView key={`${p.id}`} p={p} onChanged={(next) => (next ? setFresh(next) : problem.reload())} reload={() => { setFresh(null); problem.reload(); }} />;
}

function Section({ stage, current, title, children }: { stage: Stage; current: Stage; title: string; children: React.ReactNode }) {
  const at = STAGES.indexOf(current);
  const mine = STAGES.indexOf(stage);
  const state = mine < at ? 'done' : mine === at ? 'current' : 'later';
  return (
    <section className={`panel osara osara--${state}`} aria-labelledby={`osara-${stage}`} data-testid={`section-${stage}`}>
      <h2 className="panel__title" id={`osara-${stage}`}>
        {title} <span className={`tag ${state === 'done' ? 'tag--green' : state === 'current' ? 'tag--orange' : 'tag--grey'}`}>{state === 'done' ? 'done' : state === 'current' ? 'current stage' : 'later'}</span>
      </h2>
      {children}
    </section>
  );
}

function ProblemView({ p, onChanged, reload }: { p: Problem; onChanged: (next?: Problem) => void; reload: () => void }) {
  const { me } = useSession();
  const readOnly = !mayEditProblems(me.role) || p.stage === 'closed';
  // Findings of a stage move the rules refused, shown beside their fields.
  const [findings, setFindings] = useState<Finding[]>([]);
  const fields = (stage: Stage, title: string) => (
    <StageFields key={stage} problem={p} prefix={stage} title={title} defs={STAGE_FIELDS[stage]!} readOnly={readOnly} onSaved={onChanged} findings={findings} />
  );
  return (
    <div className="page problem-page" data-testid="problem-page" data-stage={p.stage}>
      <p className="small"><Link to="/problems">Problem board</Link></p>
      <h1 className="page-title" data-testid="problem-title">{p.title}</h1>
      <p className="lead">
        Problem {p.id} · {p.district} · a {p.statementType} problem · owner {p.owner ?? 'not set'} · opened by {p.createdBy}
        {p.source ? ` from a ${p.source.kind.replace('-', ' ')} (${p.pickedFrom} to ${p.pickedTo})` : ''}
      </p>
      <ol className="stepper" aria-label="OSARA stages" data-testid="stepper">
        {STAGES.map((s) => (
          <li key={s} className={`stepper__step ${s === p.stage ? 'stepper__step--current' : STAGES.indexOf(s) < STAGES.indexOf(p.stage) ? 'stepper__step--done' : ''}`} aria-current={s === p.stage ? 'step' : undefined}>
            {STAGE_LABEL[s]}
          </li>
        ))}
      </ol>
      {p.warnings.length ? (
        <div className="warning-box" role="note" data-testid="problem-warnings">
          {p.warnings.map((w) => <p key={w}><strong>Warning.</strong> {w}</p>)}
        </div>
      ) : null}
      {mayEditProblems(me.role) ? <StageControls key={`${p.stage}:${p.updatedAt}:${p.assessment?.id ?? 0}`} p={p} onChanged={onChanged} onFindings={setFindings} /> : null}
      <div className="problem-layout">
        <div className="problem-layout__main">
          <Section stage="objective" current={p.stage} title="Objective">{fields('objective', 'Objective')}</Section>
          <Section stage="scanning" current={p.stage} title="Scanning">
            {fields('scanning', 'Scanning')}
            <h3 className="stage-form__title">Linked incidents (live from the incident data)</h3>
            <CountsPanel id={p.id} version={p.updatedAt} />
          </Section>
          <Section stage="analysis" current={p.stage} title="Analysis">{fields('analysis', 'Analysis')}</Section>
          <Section stage="response" current={p.stage} title="Response">
            <ResponseSection problem={p} readOnly={readOnly} onChanged={reload} />
          </Section>
          <Section stage="assessment" current={p.stage} title="Assessment">
            <p className="small">Computing saves the design and judgement below and counts the four areas from the incident data with the WDD engine.</p>
            <StageFields key="assessment" problem={p} prefix="assessment" title="Assessment" defs={STAGE_FIELDS.assessment!} readOnly={readOnly} findings={findings}
              onSaved={onChanged} send={(body) => assess(p.id, body)} submitLabel="Save and compute the assessment" />
            {p.assessment ? <AssessmentResult a={p.assessment} /> : <p className="empty">No evaluation computed yet.</p>}
          </Section>
        </div>
        <aside className="problem-layout__side">
          <QualityPanel p={p} />
          <LinksPanel p={p} readOnly={readOnly} onChanged={reload} />
          {p.stage === 'closed' ? (
            <section className="panel" aria-labelledby="case-study-title" data-testid="case-study">
              <h2 className="panel__title" id="case-study-title">Share as good practice</h2>
              <p className="small">A case study in the Tilley format (summary of at most 400 words), without personal data. The export is audited.</p>
              {mayEditProblems(me.role) ? <CaseStudyPreview problemId={p.id} updatedAt={p.updatedAt} /> : null}
              {mayEditProblems(me.role) ? (
                <p className="small" data-testid="good-practice">
                  {p.goodPractice ? 'Flagged as good practice to share. ' : 'Not flagged as good practice yet. '}
                  <button type="button" className="link-button" onClick={() => void patchProblem(p.id, { goodPractice: !p.goodPractice }).then(onChanged)}>
                    {p.goodPractice ? 'Remove the flag' : 'Flag as good practice'}
                  </button>
                </p>
              ) : null}
            </section>
          ) : null}
          <ProblemReviews problemId={p.id} />
          <HistoryPanel p={p} />
        </aside>
      </div>
    </div>
  );
}
