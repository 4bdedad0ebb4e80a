import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/http'
import type { Product } from '../api/types'
import FormField from './FormField.vue'
import ProblemNotice from './ProblemNotice.vue'
import ProductCard from './ProductCard.vue'
import StatusTimeline from './StatusTimeline.vue'

const tv: Product = { id: 1, name: 'TV', description: '', price: 1_250_000, stock: 3, imageUrl: null, version: 0 }

describe('ProductCard', () => {
  it('shows the price in won, the mileage badge and the stock left', () => {
    const card = mount(ProductCard, { props: { product: tv }, global: { stubs: { RouterLink: RouterLinkStub } } })

    expect(card.text()).toContain('₩1,250,000')
    expect(card.text()).toContain('10% mileage')
    expect(card.text()).toContain('3 left')
    expect(card.findComponent(RouterLinkStub).props('to')).toBe('/products/1')
  })

  it('says when a product is out of stock', () => {
    const card = mount(ProductCard, { props: { product: { ...tv, stock: 0 } }, global: { stubs: { RouterLink: RouterLinkStub } } })

    expect(card.text()).toContain('Out of stock')
  })
})

describe('ProblemNotice', () => {
  it('shows the unavailable state for a gateway fallback and offers a retry', async () => {
    const notice = mount(ProblemNotice, { props: { error: new ApiError(503, { status: 503, service: 'products' }) } })

    expect(notice.text()).toContain('Service temporarily unavailable')
    await notice.find('button').trigger('click')
    expect(notice.emitted('retry')).toHaveLength(1)
  })

  it('shows what the service said otherwise', () => {
    const notice = mount(ProblemNotice, { props: { error: new ApiError(409, { detail: 'The order has shipped and can no longer be cancelled.' }) } })

    expect(notice.text()).toContain('The order has shipped')
  })
})

describe('StatusTimeline', () => {
  it('shows the steps still ahead of a moving order', () => {
    const timeline = mount(StatusTimeline, { props: { timeline: [{ status: 'PENDING', at: '2026-11-23T01:00:00Z' }, { status: 'CONFIRMED', at: '2026-11-23T01:00:01Z' }] } })

    expect(timeline.findAll('li').map((li) => li.classes('timeline__step--done'))).toEqual([true, true, false, false])
    expect(timeline.text()).toContain('Delivered')
  })

  it('ends at a failed delivery and says why', () => {
    const timeline = mount(StatusTimeline, { props: { timeline: [
      { status: 'PENDING', at: '2026-11-23T01:00:00Z' }, { status: 'CONFIRMED', at: '2026-11-23T01:00:01Z' },
      { status: 'SHIPPED', at: '2026-11-23T01:00:30Z', reason: null },
      { status: 'DELIVERY_FAILED', at: '2026-11-23T01:20:00Z', reason: 'The parcel was lost in transit' },
    ] } })

    expect(timeline.findAll('li')).toHaveLength(4)
    expect(timeline.text()).not.toContain('Delivered')
    expect(timeline.find('.timeline__step--delivery_failed').text()).toContain('Delivery failed')
    expect(timeline.findAll('[data-test=timeline-reason]').map((r) => r.text())).toEqual(['The parcel was lost in transit'])
  })

  it('ends at a cancellation', () => {
    const timeline = mount(StatusTimeline, { props: { timeline: [{ status: 'PENDING', at: '2026-11-23T01:00:00Z' }, { status: 'CANCELLED', at: '2026-11-23T01:00:05Z' }] } })

    expect(timeline.findAll('li')).toHaveLength(2)
    expect(timeline.text()).not.toContain('Delivered')
  })
})

describe('FormField', () => {
  it('labels its control and shows the message the service gave for it', () => {
    const field = mount(FormField, {
      props: { id: 'postalCode', label: 'Postal code', error: 'must be a 5-digit postal code' },
      slots: { default: '<input id="postalCode" />' },
    })

    expect(field.find('label').attributes('for')).toBe('postalCode')
    expect(field.find('.field__error').text()).toBe('must be a 5-digit postal code')
  })

  it('shows no message while there is none', () => {
    const field = mount(FormField, { props: { id: 'email', label: 'Email' }, slots: { default: '<input id="email" />' } })

    expect(field.find('.field__error').exists()).toBe(false)
  })
})
