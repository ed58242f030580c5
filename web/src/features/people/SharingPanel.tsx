import { useState, type FormEvent } from 'react';
import { apiFormErrors, CheckboxesField, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { listAgencies } from '../partners/api';
import { setSharing, SHARING_LABEL, transfer, type SharingState } from './api';

const FIELDS: Record<string, [string, string]> = {
  status: ['sharing-status', 'Status'],
  consentDate: ['sharing-consent-date', 'Date consent was given'],
  lawfulBasis: ['sharing-basis', 'Lawful basis'],
  agencyIds: ['sharing-agencies', 'Agencies'],
  agencyId: ['transfer-agency', 'New owner'],
};

/** Owning agency, sharing status and history; admins and supervisors change the status or move ownership. */
export function SharingPanel({ me, type, id, sharing, onChanged }: { me: Me; type: 'people' | 'places'; id: number; sharing: SharingState; onChanged: () => void }) {
  const mayChange = me.role === 'admin' || me.role === 'supervisor';
  const agencies = useApi(mayChange ? 'agencies' : null, listAgencies);
  const [status, setStatus] = useState(sharing.status === 'needs_review' ? 'shared_with_consent' : sharing.status);
  const [consentDate, setConsentDate] = useState('');
  const [basis, setBasis] = useState('');
  const [chosen, setChosen] = useState<string[]>(sharing.sharedWith.map((a) => String(a.id)));
  const [owner, setOwner] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [byField, setByField] = useState<Record<string, string>>({});
  const others = (agencies.data?.agencies ?? []).filter((a) => a.active && a.id !== sharing.owningAgency.id);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setErrors([]);
      setByField({});
      onChanged();
    } catch (err) {
      const { byField: f, list } = apiFormErrors(err, FIELDS);
      setErrors(list);
      setByField(f);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(() => setSharing(type, id, {
      status,
      ...(status === 'shared_with_consent' ? { consentDate } : {}),
      ...(status === 'shared_without_consent' ? { lawfulBasis: basis } : {}),
      agencyIds: status === 'not_shared' ? [] : chosen.map(Number),
    }));
  };
  const move = (event: FormEvent) => {
    event.preventDefault();
    if (!owner) {
      setErrors([{ fieldId: 'transfer-agency', text: 'Choose the agency that will own the record' }]);
      setByField({ 'transfer-agency': 'Choose the agency that will own the record' });
      return;
    }
    void run(() => transfer(type, id, Number(owner)));
  };

  return (
    <section className="panel" aria-labelledby="sharing-heading" data-testid="sharing">
      <h2 className="panel__title" id="sharing-heading">Information sharing</h2>
      <dl className="summary">
        <dt>Owned by</dt><dd data-testid="owning-agency">{sharing.owningAgency.name}</dd>
        <dt>Status</dt><dd data-testid="sharing-status-text">{SHARING_LABEL[sharing.status] ?? sharing.status}</dd>
        {sharing.consentRecordedAt ? (<><dt>Consent</dt><dd>given {sharing.consentRecordedAt}, recorded by {sharing.consentRecordedBy}</dd></>) : null}
        {sharing.lawfulBasis ? (<><dt>Lawful basis</dt><dd>{sharing.lawfulBasis}</dd></>) : null}
        <dt>Shared with</dt><dd>{sharing.sharedWith.map((a) => a.name).join(', ') || 'nobody'}</dd>
      </dl>
      {sharing.history.length ? (
        <details>
          <summary>History ({sharing.history.length})</summary>
          <ul>
            {sharing.history.map((h, i) => (
              <li key={i}>
                {new Date(h.recordedAt).toLocaleString('en-GB')}: {h.event === 'transfer' ? `ownership moved from ${h.fromAgency} to ${h.toAgency}` : h.event === 'status' ? SHARING_LABEL[h.status ?? ''] ?? h.status : `${h.event} ${h.toAgency ?? ''}`} ({h.recordedBy})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {mayChange ? (
        <>
          <ErrorSummary errors={errors} testId="sharing-errors" />
          <form onSubmit={save} noValidate>
            <SelectField id="sharing-status" label="Sharing status" value={status} onChange={(e) => setStatus(e.target.value)} error={byField['sharing-status']}>
              {['not_shared', 'shared_with_consent', 'shared_without_consent', 'consent_withdrawn'].map((s) => (
                <option key={s} value={s}>{SHARING_LABEL[s]}</option>
              ))}
            </SelectField>
            {status === 'shared_with_consent' ? (
              <TextField id="sharing-consent-date" label="Date consent was given" type="date" value={consentDate} onChange={(e) => setConsentDate(e.target.value)} error={byField['sharing-consent-date']} />
            ) : null}
            {status === 'shared_without_consent' ? (
              <TextField id="sharing-basis" label="Lawful basis" hint="For example: Crime and Disorder Act 1998 s115, or safeguarding." value={basis} onChange={(e) => setBasis(e.target.value)} error={byField['sharing-basis']} />
            ) : null}
            {status !== 'not_shared' ? (
              <CheckboxesField id="sharing-agencies" label="Shared with" options={others.map((a) => ({ value: String(a.id), label: a.name }))} value={chosen} onChange={setChosen} error={byField['sharing-agencies']} />
            ) : null}
            <button type="submit" className="button button--secondary">Save sharing</button>
          </form>
          <form onSubmit={move} noValidate>
            <SelectField id="transfer-agency" label="Move ownership to" hint="Consent given to one agency does not carry to another: the status becomes 'needs review'." value={owner} onChange={(e) => setOwner(e.target.value)} error={byField['transfer-agency']}>
              <option value="">Choose an agency</option>
              {others.map((a) => (
                <option key={a.id} value={a.id}>{a.name}</option>
              ))}
            </SelectField>
            <button type="submit" className="button button--secondary" data-testid="transfer-submit">Move ownership</button>
          </form>
        </>
      ) : null}
    </section>
  );
}
