import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { addToCart, cart, clearCart } from '../state/cart'
import CheckoutView from './CheckoutView.vue'

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('CheckoutView', () => {
  beforeEach(() => {
    clearCart()
    addToCart({ id: 3, name: 'NOTEBOOK', description: '', price: 30_000, stock: 9, imageUrl: null, version: 0 }, 2)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('prefills the address, retries with the same idempotency key and empties the cart once ordered', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url === '/api/accounts/me') {
        return json(200, { email: 'kim@12street.dev', nickname: 'Kim', postalCode: '04524', addressLine: '12 Sejong-daero' })
      }
      return fetch.mock.calls.filter(([u]) => u === '/api/orders').length === 1
        ? json(503, { status: 503, title: 'Service Unavailable', service: 'orders' })
        : json(201, { id: '0b7d4a5e-1111-2222-3333-444455556666', status: 'PENDING' })
    })
    vi.stubGlobal('fetch', fetch)
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<p/>' } }] })
    const view = mount(CheckoutView, { global: { plugins: [router] } })
    await flushPromises()

    expect((view.find('#postalCode').element as HTMLInputElement).value).toBe('04524')

    await view.find('form').trigger('submit')
    await flushPromises()
    expect(view.text()).toContain('Service temporarily unavailable')
    expect(cart.lines).toHaveLength(1)

    await view.find('form').trigger('submit')
    await flushPromises()

    const attempts = fetch.mock.calls.filter(([url]) => url === '/api/orders') as unknown as [string, RequestInit][]
    const keys = attempts.map(([, init]) => (init.headers as Record<string, string>)['Idempotency-Key'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
    expect(JSON.parse(attempts[1][1].body as string)).toEqual({
      lines: [{ productId: 3, quantity: 2 }],
      shippingAddress: { recipient: 'Kim', postalCode: '04524', addressLine: '12 Sejong-daero' },
    })
    expect(cart.lines).toHaveLength(0)
    expect(router.currentRoute.value.fullPath).toBe('/orders/0b7d4a5e-1111-2222-3333-444455556666/done')
  })
})
