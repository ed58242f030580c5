import { fmt, percent } from './format';

interface Props {
  caption: string;
  keyLabel: string;
  rows: { key: string; label?: string; count: number }[];
  total: number;
  testId?: string;
}

/** The numbers behind a chart. */
export function CountTable({ caption, keyLabel, rows, total, testId }: Props) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table--compact" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col" className="num">Incidents</th>
            <th scope="col" className="num">Share</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label ?? r.key}</th>
              <td className="num">{fmt(r.count)}</td>
              <td className="num">{percent(r.count, total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{fmt(total)}</td>
            <td className="num">{total ? '100%' : '–'}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
