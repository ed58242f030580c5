import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api';
import { ErrorSummary, TextField, type FormError } from '../../app/forms';
import type { Me } from '../../app/session';
import { signIn } from './api';

interface Props {
  /** The server holds demo data (so it may have printed demo accounts on its console). */
  demo: boolean;
  /** Why the sign-in page is shown, e.g. after signing out or when a session ended. */
  notice: string | null;
  onSignedIn: (me: Me) => void;
}

const USERNAME = 'username';
const PASSWORD = 'password';

function problemOf(err: unknown): FormError {
  if (err instanceof ApiError) {
    // The server gives one answer for a wrong password, an unknown username and a locked account.
    if (err.status === 401) return { fieldId: USERNAME, text: 'The username or password is not right, or the account is locked for 15 minutes after five wrong passwords' };
    if (err.status === 429) return { fieldId: USERNAME, text: err.message };
    if (err.status === 403) return { text: `${err.message}. Open Prevention Hub from its own address and sign in there.` };
    return { text: err.message };
  }
  return { text: err instanceof Error ? err.message : String(err) };
}

/** GOV.UK-style sign-in form. The password is never echoed or kept after a failed attempt. */
export function SignInPage({ demo, notice, onSignedIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Sign in – Prevention Hub';
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!username.trim()) missing[USERNAME] = 'Enter your username';
    if (!password) missing[PASSWORD] = 'Enter your password';
    if (Object.keys(missing).length > 0) {
      setFieldErrors(missing);
      setErrors(Object.entries(missing).map(([fieldId, text]) => ({ fieldId, text })));
      return;
    }
    setBusy(true);
    try {
      const me = await signIn(username.trim(), password);
      onSignedIn(me);
    } catch (err) {
      const problem = problemOf(err);
      setPassword('');
      setErrors([problem]);
      setFieldErrors(problem.fieldId ? { [problem.fieldId]: problem.text } : {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow" data-testid="sign-in">
      {notice ? (
        <div className="notification" role="status" data-testid="sign-in-notice">
          <p>{notice}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <h1 className="page-title">Sign in to Prevention Hub</h1>
      <p className="lead">Use the username and password your administrator gave you.</p>
      {demo ? (
        <div className="notice" data-testid="demo-accounts-note">
          <p>
            <strong>Demo server.</strong> If this server created demo accounts (such as <code>demo-analyst</code>), their usernames
            and one-time password were printed on the server console when it first started. They are not shown here. The
            first sign-in to each asks you to choose a new password. The first import of real data switches all demo accounts off.
          </p>
        </div>
      ) : null}
      <form className="form" onSubmit={submit} noValidate data-testid="sign-in-form">
        <TextField
          id={USERNAME}
          name="username"
          label="Username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fieldErrors[USERNAME]}
          className="field--medium"
        />
        <TextField
          id={PASSWORD}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors[PASSWORD]}
          className="field--medium"
        />
        <button type="submit" className="button" disabled={busy} data-testid="sign-in-submit">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted small">
        Forgotten your password, or locked out? Ask a Prevention Hub administrator. After five wrong passwords an account is locked for 15 minutes.
      </p>
    </div>
  );
}
