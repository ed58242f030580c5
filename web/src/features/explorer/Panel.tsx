import { useId, useState, type ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  /** Extra controls in the panel header (left of Show table / Download CSV). */
  controls?: ReactNode;
  /** The table behind the chart; when given, a Show table toggle is added. */
  table?: ReactNode;
  onDownload?: () => void;
  busy?: boolean;
  footer?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled panel for a chart, with its numbers (table toggle + CSV download) and provenance. */
export function Panel({ title, testId, controls, table, onDownload, busy, footer, children, className }: Props) {
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  const tableId = useId();
  return (
    <section
      className={`panel ${className ?? ''}`}
      aria-labelledby={headingId}
      aria-busy={busy ? 'true' : 'false'}
      data-testid={testId}
    >
      <div className="panel__header">
        <h2 className="panel__title" id={headingId}>
          {title}
          {busy ? <span className="panel__updating"> updating…</span> : null}
        </h2>
        <div className="panel__actions">
          {controls}
          {table ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={showTable}
              aria-controls={tableId}
              onClick={() => setShowTable((v) => !v)}
              data-testid={`${testId}-toggle-table`}
            >
              {showTable ? 'Hide table' : 'Show table'}
            </button>
          ) : null}
          {onDownload ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={onDownload}
              data-testid={`${testId}-download`}
            >
              Download CSV
            </button>
          ) : null}
        </div>
      </div>
      <div className="panel__body">{children}</div>
      {table ? (
        <div id={tableId} hidden={!showTable} className="panel__table">
          {showTable ? table : null}
        </div>
      ) : null}
      {footer ? <div className="panel__footer">{footer}</div> : null}
    </section>
  );
}
