import { computed, reactive, watch } from 'vue'
import type { Product } from '../api/types'

export interface CartLine {
  productId: number
  name: string
  price: number
  imageUrl: string | null
  quantity: number
}

/** What an order accepts: at most 20 products, 1–99 of each. */
export const MAX_LINES = 20
export const MAX_QUANTITY = 99
const STORAGE_KEY = 'twelvestreet.cart'

function load(): CartLine[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(saved) ? saved.filter((line) => Number.isInteger(line?.productId) && line.quantity > 0) : []
  } catch {
    return []
  }
}

/**
 * The cart lives in the browser (localStorage): kept before login, across the login round trip and
 * after it. Prices here are for display only; orders prices every line from the catalogue.
 */
export const cart = reactive({ lines: load() })

watch(
  () => cart.lines,
  (lines) => localStorage.setItem(STORAGE_KEY, JSON.stringify(lines)),
  { deep: true },
)

export const cartCount = computed(() => cart.lines.reduce((sum, line) => sum + line.quantity, 0))
export const cartTotal = computed(() => cart.lines.reduce((sum, line) => sum + line.price * line.quantity, 0))

/** Adds to the cart; answers false when the cart is full (20 different products). */
export function addToCart(product: Product, quantity: number): boolean {
  const line = cart.lines.find((l) => l.productId === product.id)
  if (line) {
    line.quantity = Math.min(MAX_QUANTITY, line.quantity + quantity)
    return true
  }
  if (cart.lines.length >= MAX_LINES) {
    return false
  }
  cart.lines.push({ productId: product.id, name: product.name, price: product.price, imageUrl: product.imageUrl, quantity })
  return true
}

export function setQuantity(productId: number, quantity: number): void {
  const line = cart.lines.find((l) => l.productId === productId)
  if (line) {
    line.quantity = Math.max(1, Math.min(MAX_QUANTITY, Math.floor(quantity) || 1))
  }
}

export function removeFromCart(productId: number): void {
  cart.lines = cart.lines.filter((l) => l.productId !== productId)
}

export function clearCart(): void {
  cart.lines = []
}
