// The case study as it will be published, with every name removed highlighted: the author reads
// it here before the file leaves the system (the downloads appear below it).
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { useApi } from '../../app/useApi';
import { caseStudyUrl, getCaseStudyPreview, type Segment } from './api';

function Text({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.redacted ? <mark key={i} className="redaction" data-testid="redaction">{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

export function CaseStudyPreview({ problemId, updatedAt }: { problemId: number; updatedAt: string }) {
  const preview = useApi(`case-study:${problemId}:${updatedAt}`, (s) => getCaseStudyPreview(problemId, s));
  if (preview.error) return <ErrorMessage error={preview.error} what="the case study" onRetry={preview.reload} />;
  const cs = preview.data;
  if (!cs) return <Loading what="the case study" />;
  return (
    <>
      <p className="small" data-testid="case-study-check">
        Check the text below before you download it: this is exactly what will be shared.{' '}
        {cs.redactions === 0 ? 'No names were found to remove; make sure nobody can be identified.' : `${cs.redactions === 1 ? 'One name was' : `${cs.redactions} names were`} removed, highlighted like `}
        {cs.redactions === 0 ? null : <><mark className="redaction">[name removed]</mark>.</>}
      </p>
      <div className="case-study-preview" data-testid="case-study-preview" role="region" aria-label="Case study as it will be shared (scrollable)" tabIndex={0}>
        <h3>Case study: <Text segments={cs.title} /></h3>
        <h4>Summary</h4>
        <p><Text segments={cs.summary} /></p>
        {cs.sections.map((s) => (
          <div key={s.heading}>
            <h4>{s.heading}</h4>
            {s.paragraphs.map((p, i) => <p key={i}><Text segments={p} /></p>)}
          </div>
        ))}
        <p className="small">{cs.privacyNote}</p>
      </div>
      <p className="button-group">
        <a className="button button--secondary button--small" href={caseStudyUrl(problemId, 'html')} download data-testid="case-study-html">Case study (HTML)</a>
        <a className="button button--secondary button--small" href={caseStudyUrl(problemId, 'pdf')} download data-testid="case-study-pdf">Case study (PDF)</a>
      </p>
    </>
  );
}
