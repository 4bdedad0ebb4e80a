/**
 * The share of a confirmed order's amount credited as mileage: mypage's policy (MILEAGE_PERCENT,
 * 10 by default). Mypage only answers logged-in shoppers, so pages anyone sees use this figure;
 * My Page and the order-finished page show the service's own.
 */
export const MILEAGE_PERCENT = 10

/** What an amount earns, rounded down as mypage credits it. */
export function mileageFor(amount: number, percent = MILEAGE_PERCENT): number {
  return Math.floor((amount * percent) / 100)
}
