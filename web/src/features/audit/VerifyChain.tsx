import { useState, type FormEvent } from 'react';
import { TextField } from '../../app/forms';
import { verifyAuditChain, type ChainVerdict } from './api';

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

/** Recomputes the whole HMAC chain on the server and shows the verdict. */
export function VerifyChain() {
  const [expectHead, setExpectHead] = useState('');
  const [verdict, setVerdict] = useState<{ v: ChainVerdict; at: Date } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [headError, setHeadError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    const head = expectHead.trim();
    if (head && !/^\d+(:[0-9a-fA-F]{64})?$/.test(head)) {
      setHeadError('Give the newest entry as it was recorded: its number and hash, like 1234:9f86d0…, or the number alone');
      return;
    }
    setHeadError(undefined);
    setBusy(true);
    setError(null);
    setVerdict(null);
    try {
      setVerdict({ v: await verifyAuditChain(head || undefined), at: new Date() });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const v = verdict?.v;
  return (
    <section className="panel" aria-labelledby="verify-heading" data-testid="audit-verify">
      <h2 className="panel__title" id="verify-heading">Verify the chain</h2>
      <p className="small">Every entry carries a keyed hash of itself and the entry before. Verifying recomputes them all, so any change or removal shows.</p>
      <form onSubmit={verify} noValidate>
        <TextField
          id="audit-expect-head"
          label="Newest entry you expect (optional)"
          hint="The number and hash recorded earlier (from hub audit head): proves the newest entries have not been removed or rewritten since."
          value={expectHead}
          onChange={(e) => setExpectHead(e.target.value)}
          error={headError}
        />
        <button type="submit" className="button button--secondary" disabled={busy} data-testid="audit-verify-button">
          {busy ? 'Verifying…' : 'Verify chain'}
        </button>
      </form>
      <div aria-live="polite">
        {error ? <p className="verdict verdict--bad" data-testid="audit-verdict" data-ok="error">Could not verify: {error}</p> : null}
        {v && verdict ? (
          v.ok ? (
            <p className="verdict verdict--ok" data-testid="audit-verdict" data-ok="true">
              <strong>Chain intact.</strong> {fmt(v.entries)} entries checked{v.head !== null ? `; the newest is #${v.head} (record ${v.head}:${v.headMac ?? ''} to check against later)` : ''}. Checked at{' '}
              {verdict.at.toLocaleTimeString('en-GB')}.
            </p>
          ) : (
            <p className="verdict verdict--bad" data-testid="audit-verdict" data-ok="false">
              <strong>Chain broken{v.brokenAt !== null ? ` at entry #${v.brokenAt}` : ''}.</strong> {v.reason}. {fmt(v.entries)} entries checked. Report this to
              the system owner.
            </p>
          )
        ) : null}
      </div>
    </section>
  );
}
