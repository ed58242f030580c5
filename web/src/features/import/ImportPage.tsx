import { useRef, useState, type FormEvent } from 'react';
import { currentCsrfToken } from '../../app/api';

/** One file's outcome, as the server reports it (the same as the command line's import summary). */
interface FileResult {
  file: string;
  kind: string | null;
  force: string | null;
  month: string | null;
  rows: number;
  inserted: number;
  replaced: number;
  oldRows: number | null;
  errors: { line: number; message: string }[];
  errorCount: number;
  warnings: { line: number; count: number; message: string }[];
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'sending'; fraction: number }
  | { kind: 'loading'; fraction: number; file: string; rowsDone: number }
  | { kind: 'done'; files: FileResult[] }
  | { kind: 'failed'; message: string };

const KIND_LABEL: Record<string, string> = { street: 'Street crime and ASB', 'stop-and-search': 'Stop and search', outcomes: 'Outcomes' };
const n = (x: number) => x.toLocaleString('en-GB');
/** The import's words name the command line's option; here it is the tick box. */
const forThisPage = (message: string) => message.replace(/import it again with --allow-shrink/, 'tick “Accept a month with fewer records” below the file list and import it again');
const pct = (f: number) => `${Math.round(f * 100)}%`;

/** What each line of the server's answer can say. */
type Line = { type: 'progress'; file: string; fraction: number; rowsDone: number } | { type: 'done'; files: FileResult[] } | { type: 'failed'; message: string };

/**
 * Admin and analyst: loads monthly files downloaded from data.police.uk while the hub keeps running.
 * The files are sent, then loaded one by one; the page shows how far each step has got, then what
 * happened to each file, with the line of every problem found.
 */
export function ImportPage() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [chosen, setChosen] = useState<File[]>([]);
  const [allowShrink, setAllowShrink] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const busy = stage.kind === 'sending' || stage.kind === 'loading';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) {
      setStage({ kind: 'failed', message: 'Choose at least one file to import.' });
      return;
    }
    const form = new FormData();
    for (const f of chosen) form.append('file', f, f.name);
    if (allowShrink) form.append('allowShrink', 'true');
    const xhr = new XMLHttpRequest();
    let seen = 0;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      if (end <= seen) return;
      for (const raw of text.slice(seen, end).split('\n')) {
        if (!raw.trim()) continue;
        const line = JSON.parse(raw) as Line;
        if (line.type === 'progress') setStage({ kind: 'loading', fraction: line.fraction, file: line.file, rowsDone: line.rowsDone });
        else if (line.type === 'done') setStage({ kind: 'done', files: line.files });
        else setStage({ kind: 'failed', message: line.message });
      }
      seen = end;
    };
    xhr.open('POST', '/api/imports');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setStage({ kind: 'sending', fraction: ev.loaded / ev.total });
    };
    xhr.upload.onload = () => setStage({ kind: 'loading', fraction: 0, file: chosen[0]!.name, rowsDone: 0 });
    xhr.onprogress = () => {
      if (xhr.status === 200) readLines();
    };
    xhr.onload = () => {
      if (xhr.status === 200) {
        readLines();
      } else {
        let message = `The import could not start (${xhr.status}).`;
        try {
          message = (JSON.parse(xhr.responseText) as { error: { message: string } }).error.message.replace(/^file: /, '');
        } catch {
          /* not an error body */
        }
        if (xhr.status === 401) message = 'Your session has ended: sign in again, then import the files again.';
        setStage({ kind: 'failed', message });
      }
      setTimeout(() => resultRef.current?.focus(), 0);
    };
    xhr.onerror = () => setStage({ kind: 'failed', message: 'The connection to the hub was lost: check which files were imported below before trying again.' });
    setStage({ kind: 'sending', fraction: 0 });
    xhr.send(form);
  };

  const files = stage.kind === 'done' ? stage.files : [];
  const failed = files.filter((f) => f.errorCount > 0);
  return (
    <div className="page" data-testid="import-page" data-stage={stage.kind}>
      <h1 className="page-title">Import police data</h1>
      <p>
        Load the monthly files downloaded from data.police.uk: street crime and anti-social behaviour, stop and search, or
        outcomes, as CSV files or the .zip archive they come in. Each file is loaded whole or not at all, and a month already
        held is replaced by the new copy. Everyone can keep working while it runs.
      </p>
      <form onSubmit={submit} aria-describedby="import-hint">
        <div className="field">
          <label htmlFor="import-files" className="field__label">Files</label>
          <p id="import-hint" className="muted">CSV or .zip files; choose several at once if you have them.</p>
          <input id="import-files" type="file" multiple accept=".csv,.zip,application/zip" disabled={busy}
            onChange={(e) => setChosen(Array.from(e.target.files ?? []))} />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={allowShrink} disabled={busy} onChange={(e) => setAllowShrink(e.target.checked)} />{' '}
            Accept a month with fewer records than the copy already held (only when data.police.uk has corrected it)
          </label>
        </div>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Importing…' : 'Import'}</button>
      </form>

      {busy && (
        <div className="notice" role="status" aria-live="polite" data-testid="import-progress">
          {stage.kind === 'sending' ? (
            <p>Sending the files to the hub: {pct(stage.fraction)}</p>
          ) : (
            <p>Loading {stage.file}: {pct(stage.fraction)} of the import done, {n(stage.rowsDone)} records so far</p>
          )}
          <progress max={1} value={stage.fraction} aria-label="Import progress">{pct(stage.fraction)}</progress>
        </div>
      )}

      <div ref={resultRef} tabIndex={-1} data-testid="import-result">
        {stage.kind === 'failed' && (
          <div className="error-box" role="alert">
            <p className="error-box__title">Nothing was imported</p>
            <p className="error-box__body">{stage.message}</p>
          </div>
        )}
        {stage.kind === 'done' && (
          <>
            <h2>{failed.length === 0 ? `All ${files.length} ${files.length === 1 ? 'file' : 'files'} imported` : `${files.length - failed.length} of ${files.length} files imported`}</h2>
            <table className="table">
              <thead>
                <tr><th scope="col">File</th><th scope="col">Data</th><th scope="col">Month</th><th scope="col" className="num">Records</th><th scope="col">Result</th></tr>
              </thead>
              <tbody>
                {files.map((f) => (
                  <tr key={f.file}>
                    <th scope="row">{f.file}</th>
                    <td>{f.kind ? KIND_LABEL[f.kind] ?? f.kind : '—'}{f.force ? `, ${f.force}` : ''}</td>
                    <td>{f.month ?? '—'}</td>
                    <td className="num">{f.errorCount === 0 ? n(f.rows) : '—'}</td>
                    <td>
                      {f.errorCount > 0
                        ? 'Not imported: nothing in it was loaded'
                        : f.oldRows
                          ? `Imported, replacing the ${n(f.oldRows)} records held`
                          : 'Imported'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {failed.length > 0 && (
              <div className="error-box">
                <p className="error-box__title">Problems found (file and line)</p>
                <ul data-testid="import-errors">
                  {failed.flatMap((f) => [
                    ...f.errors.map((e) => <li key={`${f.file}:${e.line}:${e.message}`}><code>{`${f.file}${e.line > 0 ? `:${e.line}` : ''}`}</code>: {forThisPage(e.message)}</li>),
                    ...(f.errorCount > f.errors.length ? [<li key={`${f.file}:more`}>{f.file}: {n(f.errorCount - f.errors.length)} more problems</li>] : []),
                  ])}
                </ul>
              </div>
            )}
            {files.some((f) => f.warnings.length > 0) && (
              <div className="notice">
                <p>Imported, but worth a look:</p>
                <ul>
                  {files.flatMap((f) => f.warnings.map((w) => <li key={`${f.file}:${w.line}:${w.message}`}><code>{`${f.file}:${w.line}`}</code>: {w.message}</li>))}
                </ul>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
