import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import AdminOperationsView from './AdminOperationsView.vue'

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const ORDER = 'aaaaaaaa-1111-2222-3333-444455556666'

describe('AdminOperationsView', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('gathers the saga from every service, keeps what answered and replays a topic for the service that owns it', async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/admin/orders/summary') {
        return json(200, { underWay: { PENDING: 2, CONFIRMED: 1, SHIPPED: 0 }, finishedLastDay: { DELIVERY_FAILED: 1 }, stuck: 1 })
      }
      if (url.startsWith('/api/admin/orders/stuck')) {
        return json(200, { pendingLongerThan: 'PT2M', items: [{ id: ORDER, status: 'PENDING', timeline: [{ status: 'PENDING', at: '2026-12-01T01:00:00Z' }], createdAt: '2026-12-01T01:00:00Z' }] })
      }
      if (url.startsWith('/api/admin/deliveries')) {
        return json(200, { items: [] })
      }
      if (url === '/api/admin/services/mypage/events') {
        return json(503, { status: 503, title: 'Service Unavailable', service: 'mypage' })
      }
      if (url === '/api/admin/services/products/dead-letters/shop.orders/replay' && init?.method === 'POST') {
        return json(200, { topic: 'shop.orders', replayed: 1 })
      }
      const service = url.split('/')[4]
      return json(200, {
        service, outboxBacklog: service === 'products' ? 3 : 0,
        deadLetters: [{ topic: 'shop.orders', deadLetterTopic: 'shop.orders.DLT', waiting: service === 'products' ? 1 : 0,
          shown: service === 'products' ? [{ key: ORDER, failedIn: 'products', error: 'No eventId', deadLetteredAt: '2026-12-01T01:00:00Z' }] : [] }],
      })
    })
    vi.stubGlobal('fetch', fetch)
    const view = mount(AdminOperationsView, { global: { stubs: { RouterLink: true } } })
    await flushPromises()

    expect(view.find('[data-test=under-way-PENDING] dd').text()).toBe('2')
    expect(view.find('[data-test=last-day-DELIVERY_FAILED] dd').text()).toBe('1')
    expect(view.find('[data-test=outbox-products] dd').text()).toBe('3')
    expect(view.find(`[data-test=stuck-order][data-order='${ORDER}']`).exists()).toBe(true)
    expect(view.find('[data-test=silent]').text()).toContain('mypage')
    expect(view.find('[data-test=dead-letters-products-shop\\.orders] [data-test=dead-letter]').text()).toContain('No eventId')
    expect(view.findAll('[data-test=replay]')).toHaveLength(1)

    await view.find('[data-test=replay]').trigger('click')
    await flushPromises()

    expect(fetch).toHaveBeenCalledWith('/api/admin/services/products/dead-letters/shop.orders/replay', expect.objectContaining({ method: 'POST' }))
    expect(view.find('[data-test=operations-message]').text()).toBe('products: 1 dead letter(s) sent back to shop.orders.')
  })
})
