/** RFC 9457 problem details, as every 12 Street service and the gateway answer errors. */
export interface Problem {
  status?: number
  title?: string
  detail?: string
  service?: string
  errors?: { field: string; message: string }[]
}

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
    this.status = status
    this.problem = problem
  }

  /** The gateway's fallback (or a service) says the service cannot answer right now. */
  get unavailable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504
  }

  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message
  }
}

/** The CSRF token the gateway put in the readable XSRF-TOKEN cookie; sent back on unsafe requests. */
export function xsrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('XSRF-TOKEN='))
    ?.substring('XSRF-TOKEN='.length)
}

const unauthenticatedListeners: (() => void)[] = []

/** Called whenever an API answers 401: the session has expired (or never existed). */
export function onUnauthenticated(listener: () => void): void {
  unauthenticatedListeners.push(listener)
}

export interface RequestOptions {
  body?: unknown
  headers?: Record<string, string>
}

/**
 * Calls the shop's API on the page's own origin (the gateway): the session cookie goes along, no
 * token is ever seen here. Answers the parsed JSON, or throws an {@link ApiError}.
 */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers }
  let body: BodyInit | undefined
  if (options.body instanceof Blob) {
    body = options.body
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['Content-Type'] = 'application/json'
  }
  const token = xsrfToken()
  if (method !== 'GET' && token) {
    headers['X-XSRF-TOKEN'] = decodeURIComponent(token)
  }
  let response: Response
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, { title: 'Network error', detail: 'The shop cannot be reached. Check your connection and try again.' })
  }
  if (response.ok) {
    const text = await response.text()
    return (text ? JSON.parse(text) : undefined) as T
  }
  let problem: Problem
  try {
    problem = await response.json()
  } catch {
    problem = { status: response.status, title: response.statusText }
  }
  if (response.status === 401) {
    unauthenticatedListeners.forEach((listener) => listener())
  }
  throw new ApiError(response.status, problem)
}
