export interface Product {
  id: number
  name: string
  description: string
  price: number
  stock: number
  imageUrl: string | null
  version: number
}

export interface Page<T> {
  items: T[]
  page: number
  size: number
  totalItems: number
  totalPages?: number
}

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'DELIVERY_FAILED'

export interface Step {
  status: OrderStatus
  at: string
  /** why, where the shopper needs to know (a failed delivery) */
  reason?: string | null
}

export interface Order {
  id: string
  status: OrderStatus
  cancellable: boolean
  items: { productId: number; productName: string; unitPrice: number; quantity: number; amount: number }[]
  totalAmount: number
  shippingAddress: Address
  timeline: Step[]
  createdAt: string
}

export interface Address {
  recipient: string
  postalCode: string
  addressLine: string
}

/** An order as the My Page read model (CQRS) keeps it. */
export interface MyOrder {
  orderId: string
  status: OrderStatus
  totalAmount: number
  mileage: number
  items: { productId: number; productName: string; unitPrice: number; quantity: number }[]
  timeline: Step[]
  placedAt: string
}

export interface MileageAccount {
  balance: number
  percent: number
  history: { orderId: string; kind: 'EARNED' | 'REVERSED'; amount: number; at: string }[]
}

export type DeliveryStatus = 'READY' | 'SHIPPING' | 'DELIVERED' | 'CANCELLED' | 'FAILED'

export interface Delivery {
  id: string
  orderId: string
  status: DeliveryStatus
  nextStepAt: string | null
  failureReason: string | null
}

/** The saga at a glance (orders, ADMIN): orders under way per state, finished in the last day, stuck in PENDING. */
export interface SagaSummary {
  underWay: Partial<Record<OrderStatus, number>>
  finishedLastDay: Partial<Record<OrderStatus, number>>
  stuck: number
}

export interface DeadLetter {
  key: string | null
  failedIn: string | null
  error: string | null
  deadLetteredAt: string
}

/** One service's events (ADMIN): its outbox backlog, and per consumed topic the dead letters waiting for a replay. */
export interface ServiceEvents {
  service: string
  outboxBacklog: number | null
  deadLetters: { topic: string; deadLetterTopic: string; waiting: number; shown: DeadLetter[] }[]
}

export interface SessionUser {
  subject: string
  email: string
  nickname: string
  roles: string[]
}

export interface Profile {
  email: string
  nickname: string
  postalCode: string | null
  addressLine: string | null
}
