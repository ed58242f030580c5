import { useEffect, type ReactNode } from 'react';
import { Link } from '../../../app/router';
import '../analysis.css';

interface Props {
  title: string;
  testId: string;
  lead: ReactNode;
  /** Plain-language explanation: what the analysis does and how to read it. */
  explain: ReactNode;
  form: ReactNode;
  /** True once the result on the page matches the URL (for tests and screen readers). */
  ready: boolean;
  children: ReactNode;
}

/** The frame of an analysis page: title, explanation, parameters on the left, results on the right. */
export function AnalysisPage({ title, testId, lead, explain, form, ready, children }: Props) {
  useEffect(() => {
    document.title = `${title} – Prevention Hub`;
  }, [title]);
  return (
    <div className="page analysis" data-testid={testId} data-ready={ready ? 'true' : 'false'}>
      <p className="breadcrumb">
        <Link to="/analysis">Analysis</Link> <span aria-hidden="true">›</span> {title}
      </p>
      <h1 className="page-title">{title}</h1>
      <div className="lead">{lead}</div>
      <details className="explain" data-testid="explain">
        <summary>How this works and how to read it</summary>
        <div className="explain__body">{explain}</div>
      </details>
      <div className="sidebar-layout">
        <aside className="analysis__form">{form}</aside>
        <div className="sidebar-layout__main">{children}</div>
      </div>
    </div>
  );
}
