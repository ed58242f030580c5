import { useEffect, useRef, useState } from 'react';
import { getMeta } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { ErrorSummary, type FormError } from '../../app/forms';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { AccountsTable } from './AccountsTable';
import { listAccounts, updateAccount, type Account } from './api';
import { CreateAccountForm } from './CreateAccountForm';
import { EditAccountForm } from './EditAccountForm';

/** Admin: every account, a form to create one, and changes per account. */
export function UsersPage() {
  const { me } = useSession();
  const accounts = useApi('users', listAccounts);
  const meta = useApi('meta', getMeta);
  const [editing, setEditing] = useState<number | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormError[]>([]);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const districtOptions = (meta.data?.districts ?? []).flatMap((d) => (d.key ? [d.key] : []));
  const editingAccount = accounts.data?.users.find((u) => u.id === editing);

  const done = (text: string) => {
    setProblems([]);
    setEditing(null);
    setMessage(text);
    accounts.reload();
  };

  const setDisabled = async (a: Account, disabled: boolean) => {
    setBusyId(a.id);
    setMessage(null);
    try {
      await updateAccount(a.id, { disabled });
      done(disabled ? `Disabled ${a.username}. Their sessions have ended and they cannot sign in.` : `Enabled ${a.username}. They can sign in again.`);
    } catch (err) {
      setProblems([{ text: `Could not ${disabled ? 'disable' : 'enable'} ${a.username}: ${err instanceof Error ? err.message : String(err)}` }]);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <div className="page" data-testid="users-page" data-ready={accounts.data && !accounts.loading ? 'true' : 'false'}>
      <h1 className="page-title">Users</h1>
      <p className="lead">
        Accounts of Prevention Hub and what each role may see. Changing an account&rsquo;s role or districts, or disabling it, ends its sessions.
      </p>
      {message ? (
        <div className="notification notification--success" role="status" tabIndex={-1} ref={messageRef} data-testid="users-message">
          <p>{message}</p>
        </div>
      ) : null}
      <ErrorSummary errors={problems} testId="users-errors" />
      <section className="panel" aria-labelledby="accounts-heading">
        <div className="panel__header">
          <h2 className="panel__title" id="accounts-heading">
            Accounts{accounts.data ? ` (${accounts.data.users.length})` : ''}
            {accounts.loading && accounts.data ? <span className="panel__updating"> updating…</span> : null}
          </h2>
        </div>
        {accounts.error ? (
          <ErrorMessage error={accounts.error} what="accounts" onRetry={accounts.reload} />
        ) : !accounts.data ? (
          <Loading what="accounts" />
        ) : (
          <AccountsTable
            accounts={accounts.data.users}
            me={me.username}
            editing={editing}
            busyId={busyId}
            onEdit={(id) => {
              setMessage(null);
              setEditing(id);
            }}
            onDisable={setDisabled}
          />
        )}
      </section>
      {editingAccount ? (
        <section className="panel form-panel" id="edit-account" aria-labelledby="edit-account-title" data-testid="edit-user">
          <EditAccountForm
            key={editingAccount.id}
            account={editingAccount}
            districtOptions={districtOptions}
            isSelf={editingAccount.username === me.username}
            onSaved={done}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : null}
      {meta.error ? <ErrorMessage error={meta.error} what="the list of districts (/api/meta)" onRetry={meta.reload} /> : null}
      <CreateAccountForm districtOptions={districtOptions} onCreated={(username) => done(`Created the account ${username}. Give them their password in a safe way.`)} />
    </div>
  );
}
