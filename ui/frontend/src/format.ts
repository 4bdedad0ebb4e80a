const won = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' })
// dates follow the browser's language (the pages are in English); amounts are always won
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** 10000 → "₩10,000" */
export function formatWon(amount: number): string {
  return won.format(amount)
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso))
}

/** The order number shown to shoppers: the first block of the order id, upper case. */
export function orderNumber(id: string): string {
  return id.split('-')[0].toUpperCase()
}

const statusLabels: Record<string, string> = {
  PENDING: 'Pending',
  CONFIRMED: 'Confirmed',
  REJECTED: 'Rejected (out of stock)',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  DELIVERY_FAILED: 'Delivery failed',
  READY: 'Waiting for pick-up',
  SHIPPING: 'On the way',
  FAILED: 'Delivery failed',
}

export function statusLabel(status: string): string {
  return statusLabels[status] ?? status
}
