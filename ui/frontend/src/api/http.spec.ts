import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError, onUnauthenticated } from './http'

function answer(status: number, body: unknown, contentType = 'application/problem+json') {
  return vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }))
}

function headers(fetch: ReturnType<typeof answer>, call: number): Record<string, string> {
  return fetch.mock.calls[call][1].headers as Record<string, string>
}

async function failure(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call
  } catch (error) {
    return error as ApiError
  }
  throw new Error('expected the call to fail')
}

describe('api', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  })

  it('sends the CSRF token from the cookie with unsafe requests only', async () => {
    document.cookie = 'XSRF-TOKEN=abc-123'
    const fetch = answer(200, { ok: true }, 'application/json')
    vi.stubGlobal('fetch', fetch)

    await api('POST', '/api/orders', { body: { lines: [] } })
    await api('GET', '/api/orders')

    expect(headers(fetch, 0)['X-XSRF-TOKEN']).toBe('abc-123')
    expect(headers(fetch, 0)['Content-Type']).toBe('application/json')
    expect(headers(fetch, 1)['X-XSRF-TOKEN']).toBeUndefined()
  })

  it('turns a problem into an ApiError with its field messages', async () => {
    vi.stubGlobal('fetch', answer(400, { status: 400, title: 'Bad Request', detail: 'Invalid request', errors: [{ field: 'shippingAddress.postalCode', message: 'must be a 5-digit postal code' }] }))

    const error = await failure(api('POST', '/api/orders'))

    expect(error).toBeInstanceOf(ApiError)
    expect(error.unavailable).toBe(false)
    expect(error.fieldMessage('shippingAddress.postalCode')).toBe('must be a 5-digit postal code')
  })

  it('knows the gateway fallback and a dead network as "unavailable"', async () => {
    vi.stubGlobal('fetch', answer(503, { status: 503, title: 'Service Unavailable', service: 'products' }))
    expect((await failure(api('GET', '/api/products'))).unavailable).toBe(true)

    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    expect((await failure(api('GET', '/api/products'))).unavailable).toBe(true)
  })

  it('tells the session about a 401', async () => {
    const expired = vi.fn()
    onUnauthenticated(expired)
    vi.stubGlobal('fetch', answer(401, { status: 401, title: 'Unauthorized' }))

    await api('GET', '/api/mypage/orders').catch(() => undefined)

    expect(expired).toHaveBeenCalledOnce()
  })
})
