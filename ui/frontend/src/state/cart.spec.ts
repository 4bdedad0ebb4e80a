import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { Product } from '../api/types'
import { addToCart, cart, cartCount, cartTotal, clearCart, MAX_LINES, removeFromCart, setQuantity } from './cart'

const product = (id: number, price = 10_000): Product => ({ id, name: `P${id}`, description: '', price, stock: 5, imageUrl: null, version: 0 })

describe('cart', () => {
  beforeEach(() => clearCart())

  it('adds up the same product instead of listing it twice', () => {
    addToCart(product(1), 2)
    addToCart(product(1), 3)
    addToCart(product(2, 30_000), 1)

    expect(cart.lines).toHaveLength(2)
    expect(cartCount.value).toBe(6)
    expect(cartTotal.value).toBe(5 * 10_000 + 30_000)
  })

  it('keeps quantities within what an order accepts', () => {
    addToCart(product(1), 98)
    addToCart(product(1), 5)
    expect(cart.lines[0].quantity).toBe(99)

    setQuantity(1, 0)
    expect(cart.lines[0].quantity).toBe(1)
  })

  it('refuses a 21st product', () => {
    for (let id = 1; id <= MAX_LINES; id++) {
      expect(addToCart(product(id), 1)).toBe(true)
    }
    expect(addToCart(product(99), 1)).toBe(false)
    expect(cart.lines).toHaveLength(MAX_LINES)
  })

  it('survives a page load: it is kept in localStorage', async () => {
    addToCart(product(7), 2)
    removeFromCart(999)
    await nextTick()

    expect(JSON.parse(localStorage.getItem('twelvestreet.cart')!)).toEqual([
      { productId: 7, name: 'P7', price: 10_000, imageUrl: null, quantity: 2 },
    ])
  })
})
