import type { AuditEntry } from './api';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/** Details as indented JSON text (React escapes it: stored strings are never markup). */
function Details({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">–</span>;
  const compact = JSON.stringify(value);
  if (compact.length <= 60) return <code className="json" data-testid="audit-details">{compact}</code>;
  return (
    <details className="json-details">
      <summary>Details</summary>
      <pre className="json" data-testid="audit-details">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

function Why({ e }: { e: AuditEntry }) {
  const parts = [
    e.purpose ? ['Purpose', e.purpose] : null,
    e.recipients ? ['Recipients', e.recipients] : null,
    e.reason ? ['Reason', e.reason] : null,
  ].filter((p): p is [string, string] => p !== null);
  if (!parts.length) return <span className="muted">–</span>;
  return (
    <>
      {parts.map(([label, text]) => (
        <div key={label}><span className="muted">{label}:</span> {text}</div>
      ))}
    </>
  );
}

export function AuditTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit entries (scrollable)">
      <table className="table table--audit" data-testid="audit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">ID</th>
            <th scope="col">When</th>
            <th scope="col">User</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Purpose or reason</th>
            <th scope="col">Details</th>
            <th scope="col">MAC</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td className="num">{e.id}</td>
              <td className="nowrap"><time dateTime={e.at}>{when.format(new Date(e.at))}</time></td>
              <td className="nowrap" data-testid="audit-actor">{e.actor}</td>
              <td className="nowrap" data-testid="audit-action">{e.action}</td>
              <td className="nowrap">
                {e.recordType ?? <span className="muted">–</span>}
                {e.recordId ? <span className="muted"> #{e.recordId}</span> : null}
              </td>
              <td><Why e={e} /></td>
              <td className="table__details"><Details value={e.details} /></td>
              <td><code className="mac" title={e.mac}>{e.mac.slice(0, 10)}…</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
