import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import MyPageView from './MyPageView.vue'

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const DELIVERED = {
  orderId: 'aaaaaaaa-1111-2222-3333-444455556666', status: 'DELIVERED', totalAmount: 10_000, mileage: 1_000,
  items: [], timeline: [], placedAt: '2026-12-01T01:00:00Z',
}
const JUST_PLACED = { ...DELIVERED, orderId: 'bbbbbbbb-1111-2222-3333-444455556666', status: 'PENDING', mileage: 0 }

describe('MyPageView', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('keeps refreshing until the order the shopper came to follow is in the read model', async () => {
    vi.useFakeTimers()
    let reads = 0
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url.startsWith('/api/mypage/mileage')) {
        return json(200, { balance: 1_000, percent: 10, history: [] })
      }
      reads++
      // the projection is a moment behind the saga: the first two reads know only an older, finished order
      const items = reads <= 2 ? [DELIVERED] : [JUST_PLACED, DELIVERED]
      return json(200, { items, page: 0, size: 50, totalItems: items.length })
    }))
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<p/>' } }] })
    await router.push({ path: '/mypage', query: { follow: JUST_PLACED.orderId } })
    const view = mount(MyPageView, { global: { plugins: [router] } })
    await flushPromises()
    expect(view.find(`[data-order='${JUST_PLACED.orderId}']`).exists()).toBe(false)

    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(2_000)
      await flushPromises()
    }

    expect(view.find(`[data-order='${JUST_PLACED.orderId}'] [data-test=my-order-status]`).text()).toBe('Pending')
  })

  it('stops refreshing when every order has ended', async () => {
    vi.useFakeTimers()
    const fetch = vi.fn(async (url: string) => url.startsWith('/api/mypage/mileage')
      ? json(200, { balance: 1_000, percent: 10, history: [] })
      : json(200, { items: [DELIVERED], page: 0, size: 50, totalItems: 1 }))
    vi.stubGlobal('fetch', fetch)
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<p/>' } }] })
    await router.push('/mypage')
    mount(MyPageView, { global: { plugins: [router] } })
    await flushPromises()
    const calls = fetch.mock.calls.length

    await vi.advanceTimersByTimeAsync(6_000)

    expect(fetch.mock.calls.length).toBe(calls)
  })
})
