import { reactive } from 'vue';
import { api, call, setCsrfToken, type Me } from './api/client';

/** Who is signed in (null before sign-in), as the server describes them: role, organization, menu. */
export const session = reactive({ me: null as Me | null, loaded: false });

function remember(me: Me | null): Me | null {
  session.me = me;
  setCsrfToken(me?.csrfToken ?? null);
  return me;
}

/** Asks the server who the cookie belongs to; null when nobody is signed in. */
export async function loadMe(): Promise<Me | null> {
  try {
    const r = await api.GET('/api/auth/me');
    return remember(r.response.ok && r.data ? r.data : null);
  } catch {
    return remember(null);
  } finally {
    session.loaded = true;
  }
}

export async function signIn(login: string, password: string): Promise<Me> {
  const me = await call(() => api.POST('/api/auth/login', { body: { login, password } }), { signInAgain: false });
  return remember(me)!;
}

export async function signOut(): Promise<void> {
  await api.POST('/api/auth/logout').catch(() => undefined);
  remember(null);
}
