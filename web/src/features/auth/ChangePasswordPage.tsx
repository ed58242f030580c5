import { useEffect, useState, type FormEvent } from 'react';
import { apiFormErrors, ErrorSummary, TextField, type FormError } from '../../app/forms';
import type { Me } from '../../app/session';
import { changePassword } from './api';

interface Props {
  me: Me;
  onChanged: () => void;
  onSignOut: () => void;
}

const CURRENT = 'current-password';
const NEW = 'new-password';
const CONFIRM = 'confirm-password';
const FIELDS: Record<string, [string, string]> = { currentPassword: [CURRENT, 'Current password'], newPassword: [NEW, 'New password'] };

/**
 * Shown instead of every page after signing in with a one-time password (the demo accounts'
 * password printed on the server console): the server refuses other work until it is changed.
 */
export function ChangePasswordPage({ me, onChanged, onSignOut }: Props) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Choose a new password – Prevention Hub';
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!current) missing[CURRENT] = 'Enter the password you signed in with';
    if (!next) missing[NEW] = 'Enter a new password';
    else if (confirm !== next) missing[CONFIRM] = 'The two new passwords are not the same';
    if (Object.keys(missing).length > 0) {
      setFieldErrors(missing);
      setErrors(Object.entries(missing).map(([fieldId, text]) => ({ fieldId, text })));
      return;
    }
    setBusy(true);
    try {
      await changePassword(current, next);
      onChanged();
    } catch (err) {
      const { byField, list } = apiFormErrors(err, FIELDS);
      setFieldErrors(byField);
      setErrors(list);
      setCurrent('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow" data-testid="change-password">
      <ErrorSummary errors={errors} />
      <h1 className="page-title">Choose a new password</h1>
      <p className="lead">
        You signed in as <strong>{me.username}</strong> with a password that can only be used once. Choose your own password to carry on.
      </p>
      <form className="form" onSubmit={submit} noValidate data-testid="change-password-form">
        <TextField
          id={CURRENT}
          name="current-password"
          label="Password you signed in with"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={fieldErrors[CURRENT]}
          className="field--medium"
        />
        <TextField
          id={NEW}
          name="new-password"
          label="New password"
          hint="Use three random words or more, at least 12 characters. Do not reuse a password from another service."
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={fieldErrors[NEW]}
          className="field--medium"
        />
        <TextField
          id={CONFIRM}
          name="confirm-password"
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={fieldErrors[CONFIRM]}
          className="field--medium"
        />
        <button type="submit" className="button" disabled={busy} data-testid="change-password-submit">
          {busy ? 'Saving…' : 'Save new password'}
        </button>
      </form>
      <p>
        <button type="button" className="button button--secondary" onClick={onSignOut} data-testid="change-password-sign-out">
          Sign out
        </button>
      </p>
    </div>
  );
}
