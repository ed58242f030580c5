import { useMemo } from 'react';
import { ApiError } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { apiFormErrors } from '../../app/forms';
import { navigate, useSearch } from '../../app/router';
import { useApi } from '../../app/useApi';
import { AUDIT_FIELDS, AUDIT_PAGE_SIZE, searchAudit, type AuditFilters } from './api';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { auditStateToSearch, describeAuditFilters, parseAuditState } from './filters';
import { ExportForm } from './ExportForm';
import { VerifyChain } from './VerifyChain';

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

/** Auditor: search the audit log (newest first), verify its chain, export with a reason. */
export function AuditPage() {
  const search = useSearch();
  const { filters, page } = useMemo(() => parseAuditState(search), [search]);
  const key = auditStateToSearch({ filters, page });
  const results = useApi(`audit:${key}`, (s) => searchAudit(filters, page, s));

  const go = (next: AuditFilters, nextPage: number) => navigate(`/audit${auditStateToSearch({ filters: next, page: nextPage })}`);
  const invalid = results.error instanceof ApiError && results.error.code === 'validation';
  const serverErrors = invalid ? apiFormErrors(results.error, AUDIT_FIELDS) : { byField: {}, list: [] };

  const data = results.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / AUDIT_PAGE_SIZE)) : 1;
  const first = data && data.total ? (page - 1) * AUDIT_PAGE_SIZE + 1 : 0;
  const last = data ? (page - 1) * AUDIT_PAGE_SIZE + data.entries.length : 0;

  return (
    <div className="page" data-testid="audit-page" data-ready={data && !results.loading ? 'true' : 'false'}>
      <h1 className="page-title">Audit log</h1>
      <p className="lead">
        Every sign-in, change, read of personal data and export, newest first. Your searches and exports are recorded here too.
      </p>
      <div className="sidebar-layout">
        <aside className="sidebar-layout__side">
          {/* Re-mount when the URL changes (back/forward, Clear) so the form shows the search. */}
          <AuditFilterForm key={key} filters={filters} serverErrors={serverErrors} onSearch={(f) => go(f, 1)} />
        </aside>
        <div className="sidebar-layout__main">
          <section className="panel" aria-labelledby="entries-heading" aria-busy={results.loading ? 'true' : 'false'}>
            <div className="panel__header">
              <h2 className="panel__title" id="entries-heading">
                Entries
                {results.loading && data ? <span className="panel__updating"> updating…</span> : null}
              </h2>
            </div>
            <p className="provenance">Search: {describeAuditFilters(filters)}</p>
            {results.error && !invalid ? (
              <ErrorMessage error={results.error} what="the audit log" onRetry={results.reload} />
            ) : invalid ? (
              <p className="empty">Correct the search on the left.</p>
            ) : !data ? (
              <Loading what="audit entries" />
            ) : data.entries.length === 0 ? (
              <p className="empty" data-testid="audit-empty">No entries match this search{page > 1 ? ' on this page' : ''}.</p>
            ) : (
              <>
                <p className="table-status" aria-live="polite" data-testid="audit-status">
                  Showing {fmt(first)}–{fmt(last)} of {fmt(data.total)} entries, newest first
                </p>
                <AuditTable entries={data.entries} caption={`Audit entries, page ${page} of ${pages}`} />
                <nav className="pager" aria-label="Audit log pages">
                  <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => go(filters, page - 1)} data-testid="audit-prev">
                    ‹ Newer<span className="visually-hidden"> entries</span>
                  </button>
                  <span className="pager__status">Page {fmt(page)} of {fmt(pages)}</span>
                  <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => go(filters, page + 1)} data-testid="audit-next">
                    Older<span className="visually-hidden"> entries</span> ›
                  </button>
                </nav>
              </>
            )}
          </section>
          <div className="two-up">
            <VerifyChain />
            <ExportForm filters={filters} />
          </div>
        </div>
      </div>
    </div>
  );
}
