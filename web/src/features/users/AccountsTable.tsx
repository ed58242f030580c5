import { ROLE_LABEL } from '../../app/session';
import type { Account } from './api';

interface Props {
  accounts: Account[];
  me: string;
  editing: number | null;
  busyId: number | null;
  onEdit: (id: number | null) => void;
  onDisable: (account: Account, disabled: boolean) => void;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

function Status({ a }: { a: Account }) {
  const locked = a.locked_until && new Date(a.locked_until) > new Date() ? new Date(a.locked_until) : null;
  return (
    <span className="tags">
      {a.disabled_at ? <span className="tag tag--red-light" title={`Disabled ${dateTime.format(new Date(a.disabled_at))}`}>Disabled</span> : null}
      {locked ? <span className="tag tag--orange">Locked until {dateTime.format(locked)}</span> : null}
      {!a.disabled_at && !locked ? <span className="tag tag--green">Active</span> : null}
      {a.is_demo ? <span className="tag tag--grey">Demo</span> : null}
    </span>
  );
}

/** Every account, with Change and Disable/Enable per row. Names are shown as text, never markup. */
export function AccountsTable({ accounts, me, editing, busyId, onEdit, onDisable }: Props) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Accounts table (scrollable)">
      <table className="table" data-testid="users-table">
        <caption className="visually-hidden">Accounts</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Full name</th>
            <th scope="col">Role</th>
            <th scope="col">Districts</th>
            <th scope="col">Agency</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
              <tr key={a.id} data-testid={`user-row-${a.username}`} className={a.disabled_at ? 'row--disabled' : undefined}>
                <th scope="row" className="nowrap"><strong>{a.username}</strong></th>
                <td data-testid="user-display-name">{a.display_name ?? <span className="muted">–</span>}</td>
                <td>{ROLE_LABEL[a.role] ?? a.role}</td>
                <td>{a.districts.length ? a.districts.join(', ') : <span className="muted">–</span>}</td>
                <td>{a.partner_agency ?? <span className="muted">–</span>}</td>
                <td><Status a={a} /></td>
                <td className="nowrap">{date.format(new Date(a.created_at))}</td>
                <td>
                  <div className="table__actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-expanded={editing === a.id}
                    aria-controls="edit-account"
                    onClick={() => onEdit(editing === a.id ? null : a.id)}
                    data-testid="user-edit"
                  >
                    Change<span className="visually-hidden"> {a.username}</span>
                  </button>
                  {a.username === me ? null : (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={busyId === a.id}
                      onClick={() => onDisable(a, !a.disabled_at)}
                      data-testid={a.disabled_at ? 'user-enable' : 'user-disable'}
                    >
                      {a.disabled_at ? 'Enable' : 'Disable'}<span className="visually-hidden"> {a.username}</span>
                    </button>
                  )}
                  </div>
                </td>
              </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
