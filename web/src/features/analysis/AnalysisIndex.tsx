import { useEffect } from 'react';
import './analysis.css';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { ANALYSIS_PAGES } from './pages';

/** The analysis area's start page: the analyses this role may run. */
export function AnalysisIndex({ me }: { me: Me }) {
  useEffect(() => {
    document.title = 'Analysis – Prevention Hub';
  }, []);
  const pages = ANALYSIS_PAGES.filter((p) => p.allowed(me.role));
  return (
    <div className="page analysis" data-testid="analysis-index">
      <h1 className="page-title">Analysis</h1>
      <p className="lead">
        Analyses of the imported police data. Each page shows its parameters (kept in the address bar, so you can share or bookmark
        a view), what the method does in plain words, where the figures came from, and downloads of the numbers.
      </p>
      {me.role === 'partner' ? (
        <p className="notice" data-testid="analysis-partner-note">
          Your role sees aggregate analyses only: repeat locations, which name individual places, are not available to partners.
        </p>
      ) : null}
      <ul className="card-list">
        {pages.map((p) => (
          <li key={p.path} className="card" data-testid={`analysis-card-${p.path.split('/').pop()}`}>
            <h2 className="card__title">
              <Link to={p.path}>{p.title}</Link>
            </h2>
            <p className="card__text">{p.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
