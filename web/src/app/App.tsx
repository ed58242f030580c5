import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, getHealth, setCsrfToken, setUnauthenticatedHandler } from './api';
import { ErrorMessage, Loading } from './ErrorMessage';
import { Header } from './Header';
import { currentUrl, Link, navigate, safeNext, usePath } from './router';
import { findRoute, homeOf, SIGN_IN_PATH } from './routes';
import { SessionContext, type Me, type Session } from './session';
import { useApi } from './useApi';
import { getMe, signOut, signOutEverywhere } from '../features/auth/api';
import { SignInPage } from '../features/auth/SignInPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';

type AuthState = { status: 'checking' } | { status: 'error'; error: Error } | { status: 'signed-out'; notice: string | null } | { status: 'signed-in'; me: Me };

/** `/sign-in?next=<where the user was going>` (no `next` for the home page or the sign-in page). */
function signInUrl(): string {
  const here = currentUrl();
  return here === '/' || here.startsWith(SIGN_IN_PATH) ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(here)}`;
}

export function App() {
  const health = useApi('health', getHealth);
  const [auth, setAuth] = useState<AuthState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const path = usePath();

  const showSignIn = useCallback((notice: string | null) => {
    setCsrfToken(null);
    setAuth({ status: 'signed-out', notice });
    if (window.location.pathname !== SIGN_IN_PATH) navigate(signInUrl(), { replace: true });
  }, []);

  // Is there a session? A 401 from any later request means it has ended: back to sign-in.
  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => {
        if (controller.signal.aborted) return;
        if (me) {
          setCsrfToken(me.csrfToken);
          setAuth({ status: 'signed-in', me });
        } else {
          showSignIn(null);
        }
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setAuth({ status: 'error', error: err instanceof Error ? err : new Error(String(err)) });
      },
    );
    return () => controller.abort();
  }, [attempt, showSignIn]);

  useEffect(() => {
    setUnauthenticatedHandler(() => showSignIn('Your session has ended, so you have been signed out. Sign in again to carry on.'));
    return () => setUnauthenticatedHandler(null);
  }, [showSignIn]);

  // Signed out on another page (back/forward after signing out): show sign-in, remembering the page.
  const signedOut = auth.status === 'signed-out';
  useEffect(() => {
    if (signedOut && path !== SIGN_IN_PATH) navigate(signInUrl(), { replace: true });
  }, [signedOut, path]);

  const onSignedIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setAuth({ status: 'signed-in', me });
    const next = safeNext(new URLSearchParams(window.location.search).get('next'));
    navigate(next ?? homeOf(me.role), { replace: true });
  }, []);

  const doSignOut = useCallback(async (all: boolean) => {
    let notice = 'You have signed out.';
    try {
      if (all) {
        const { sessions } = await signOutEverywhere();
        notice = `You have signed out everywhere (${sessions} ${sessions === 1 ? 'session' : 'sessions'} ended).`;
      } else {
        await signOut();
      }
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    }
    setCsrfToken(null);
    setAuth({ status: 'signed-out', notice });
    navigate(SIGN_IN_PATH);
  }, []);

  const session = useMemo<Session | null>(
    () => (auth.status === 'signed-in' ? { me: auth.me, signOut: doSignOut } : null),
    [auth, doSignOut],
  );

  // Signed in but on the sign-in page (or at `/` without the explorer): go where the role works.
  const me = session?.me;
  const route = useMemo(() => findRoute(path), [path]);
  useEffect(() => {
    if (!me) return;
    if (path === SIGN_IN_PATH) navigate(safeNext(new URLSearchParams(window.location.search).get('next')) ?? homeOf(me.role), { replace: true });
    else if (path === '/' && route && !route.allowed(me.role)) navigate(homeOf(me.role), { replace: true });
  }, [me, path, route]);

  useEffect(() => {
    if (me && route && !me.mustChangePassword) document.title = `${route.title} – Prevention Hub`;
  }, [me, route]);

  // Move focus to the page on navigation (not on the first render), as a full page load would.
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(true);
  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);

  const demo = Boolean(health.data?.demo);
  let page;
  if (auth.status === 'checking') page = <Loading what="your session" />;
  else if (auth.status === 'error') page = <ErrorMessage error={auth.error} what="your session (/api/me)" onRetry={() => setAttempt((n) => n + 1)} />;
  else if (auth.status === 'signed-out') page = <SignInPage key={auth.notice ?? ''} demo={demo} notice={auth.notice} onSignedIn={onSignedIn} />;
  else if (auth.me.mustChangePassword) {
    page = (
      <ChangePasswordPage
        me={auth.me}
        onChanged={() => setAuth({ status: 'signed-in', me: { ...auth.me, mustChangePassword: false } })}
        onSignOut={() => void doSignOut(false)}
      />
    );
  } else if (path === SIGN_IN_PATH) page = <Loading what="your page" />;
  else if (!route) page = <NotFound />;
  else if (!route.allowed(auth.me.role)) page = path === '/' ? <Loading what="your page" /> : <NotAllowed title={route.title} home={homeOf(auth.me.role)} />;
  else page = route.render(auth.me, route.params);

  return (
    <SessionContext.Provider value={session}>
      <Header demo={demo} />
      <main id="main" className="main" tabIndex={-1} ref={mainRef}>
        {page}
      </main>
      <footer className="footer">
        <p>
          Contains public sector information licensed under the Open Government Licence v3.0
          (data.police.uk). Boundaries: ONS, contains OS data © Crown copyright and database right.
        </p>
        <p>
          API status:{' '}
          {health.data ? `${health.data.status} (${health.data.engine})` : health.error ? 'unreachable' : 'checking…'}
        </p>
      </footer>
    </SessionContext.Provider>
  );
}

function NotFound() {
  useEffect(() => {
    document.title = 'Page not found – Prevention Hub';
  }, []);
  return (
    <div className="narrow" data-testid="not-found">
      <h1 className="page-title">Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p><Link to="/">Go to the start page</Link></p>
    </div>
  );
}

function NotAllowed({ title, home }: { title: string; home: string }) {
  useEffect(() => {
    document.title = `No access – Prevention Hub`;
  }, []);
  return (
    <div className="narrow" data-testid="not-allowed">
      <h1 className="page-title">You do not have access to {title}</h1>
      <p>Your role may not open this page. Ask an administrator if you need it for your work.</p>
      <p><Link to={home}>Go to your start page</Link></p>
    </div>
  );
}
