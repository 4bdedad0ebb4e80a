import { describe, expect, it } from 'vitest'
import { mileageFor } from './mileage'

describe('mileageFor', () => {
  it('credits the percentage rounded down, as mypage does', () => {
    expect(mileageFor(58_000)).toBe(5_800)
    expect(mileageFor(9_999)).toBe(999)
    expect(mileageFor(10_000, 5)).toBe(500)
  })
})
