import { computed, reactive } from 'vue'
import { ApiError, onUnauthenticated, xsrfToken } from '../api/http'
import { shop } from '../api/shop'
import type { SessionUser } from '../api/types'

const RETURN_TO_KEY = 'twelvestreet.returnTo'

/** Who is logged in, as the gateway knows it (the browser holds only the session cookie). */
export const session = reactive({
  loaded: false,
  user: null as SessionUser | null,
  /** an API answered 401 although someone was logged in: the session ended */
  expired: false,
})

export const isLoggedIn = computed(() => session.user !== null)
export const isAdmin = computed(() => session.user?.roles.includes('ADMIN') ?? false)

onUnauthenticated(() => {
  if (session.user) {
    session.user = null
    session.expired = true
  }
})

export async function loadSession(): Promise<void> {
  try {
    session.user = await shop.session()
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      console.warn('Could not ask the gateway who is logged in', error)
    }
    session.user = null
  }
  session.loaded = true
}

/** Off to the login page through the gateway; back on `returnTo` afterwards. */
export function logIn(returnTo: string): void {
  sessionStorage.setItem(RETURN_TO_KEY, returnTo)
  window.location.assign('/oauth2/authorization/twelvestreet')
}

/** Where the shopper wanted to go before logging in (once). */
export function takeReturnTo(): string | null {
  const target = sessionStorage.getItem(RETURN_TO_KEY)
  sessionStorage.removeItem(RETURN_TO_KEY)
  return target && target.startsWith('/') && !target.startsWith('//') ? target : null
}

/** A real form POST: the gateway ends its session and the login at oauth, then comes back to /. */
export function logOut(): void {
  const form = document.createElement('form')
  form.method = 'post'
  form.action = '/logout'
  const csrf = document.createElement('input')
  csrf.type = 'hidden'
  csrf.name = '_csrf'
  csrf.value = decodeURIComponent(xsrfToken() ?? '')
  form.appendChild(csrf)
  document.body.appendChild(form)
  form.submit()
}
