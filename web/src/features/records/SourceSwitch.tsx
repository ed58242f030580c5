// Switches the explorer between open data and the force's own records.
import { Link } from '../../app/router';

export function SourceSwitch({ current }: { current: 'open' | 'records' }) {
  const item = (key: 'open' | 'records', to: string, label: string) => (
    <li className={`source-switch__item${current === key ? ' source-switch__item--current' : ''}`}>
      {current === key ? <span aria-current="page">{label}</span> : <Link to={to}>{label}</Link>}
    </li>
  );
  return (
    <nav className="source-switch" aria-label="Data source" data-testid="source-switch">
      <span className="source-switch__label">Data source:</span>
      <ul className="source-switch__list">
        {item('open', '/', 'Open data (police.uk)')}
        {item('records', '/records', "Force records")}
      </ul>
    </nav>
  );
}
