// Sign-in, the session check and sign-out.
import { ApiError, apiFetch, apiSend } from '../../app/api';
import type { Me } from '../../app/session';

/** The signed-in user, or null when there is no session. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const response = await apiFetch('/api/me', { signal, expect401: true });
    return (await response.json()) as Me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export const signIn = (username: string, password: string) =>
  apiSend<Me>('POST', '/api/auth/login', { username, password }, { expect401: true });

export const signOut = () => apiSend('POST', '/api/auth/logout', undefined, { expect401: true });

export const signOutEverywhere = () => apiSend<{ sessions: number }>('POST', '/api/auth/logout-all', undefined, { expect401: true });

/** Changes the signed-in user's own password (required after a one-time password). */
export const changePassword = (currentPassword: string, newPassword: string) =>
  apiSend('POST', '/api/auth/password', { currentPassword, newPassword });
