import { api } from './http'
import type { Address, Delivery, MileageAccount, MyOrder, Order, Page, Product, Profile, SagaSummary, ServiceEvents, SessionUser } from './types'

export interface ProductDraft {
  name: string
  description: string
  price: number
  stock: number
}

export const shop = {
  products: (q: string, page: number, size = 12) =>
    api<Page<Product>>('GET', `/api/products?q=${encodeURIComponent(q)}&page=${page}&size=${size}&sort=id,asc`),
  product: (id: number) => api<Product>('GET', `/api/products/${id}`),
  createProduct: (draft: ProductDraft) => api<Product>('POST', '/api/products', { body: draft }),
  updateProduct: (id: number, version: number, draft: ProductDraft) =>
    api<Product>('PUT', `/api/products/${id}`, { body: { ...draft, version } }),
  adjustStock: (id: number, delta: number) => api<Product>('POST', `/api/products/${id}/stock-adjustments`, { body: { delta } }),
  replaceImage: (id: number, image: File) =>
    api<void>('PUT', `/api/products/${id}/image`, { body: image, headers: { 'Content-Type': image.type } }),
  deleteProduct: (id: number) => api<void>('DELETE', `/api/products/${id}`),

  session: () => api<SessionUser>('GET', '/api/session'),
  profile: () => api<Profile>('GET', '/api/accounts/me'),
  signUp: (account: { email: string; password: string; nickname: string; postalCode: string; addressLine: string }) =>
    api<Profile>('POST', '/api/accounts', { body: account }),

  /** The key makes a retry of the same checkout answer the order already placed instead of a second one. */
  placeOrder: (lines: { productId: number; quantity: number }[], shippingAddress: Address, idempotencyKey: string) =>
    api<Order>('POST', '/api/orders', { body: { lines, shippingAddress }, headers: { 'Idempotency-Key': idempotencyKey } }),
  order: (id: string) => api<Order>('GET', `/api/orders/${id}`),
  orders: (page = 0, size = 20) => api<Page<Order>>('GET', `/api/orders?page=${page}&size=${size}`),
  cancelOrder: (id: string) => api<Order>('POST', `/api/orders/${id}/cancel`),
  deliveriesOf: (orderId: string) => api<{ items: Delivery[] }>('GET', `/api/deliveries?orderId=${orderId}`),

  // operations (ADMIN): each service refuses anyone else
  sagaSummary: () => api<SagaSummary>('GET', '/api/admin/orders/summary'),
  stuckOrders: (limit = 20) => api<{ pendingLongerThan: string; items: Order[] }>('GET', `/api/admin/orders/stuck?limit=${limit}`),
  deliveriesUnderWay: (limit = 20) => api<{ items: Delivery[] }>('GET', `/api/admin/deliveries?limit=${limit}`),
  advanceDelivery: (id: string) => api<Delivery>('POST', `/api/admin/deliveries/${id}/advance`),
  failDelivery: (id: string, reason: string) => api<Delivery>('POST', `/api/admin/deliveries/${id}/fail`, { body: { reason } }),
  serviceEvents: (service: string) => api<ServiceEvents>('GET', `/api/admin/services/${service}/events`),
  replayDeadLetters: (service: string, topic: string) =>
    api<{ topic: string; replayed: number }>('POST', `/api/admin/services/${service}/dead-letters/${topic}/replay`),

  myOrders: (page = 0, size = 20) => api<Page<MyOrder>>('GET', `/api/mypage/orders?page=${page}&size=${size}`),
  mileage: () => api<MileageAccount>('GET', '/api/mypage/mileage'),
}
