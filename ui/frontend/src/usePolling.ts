import { onBeforeUnmount } from 'vue'

/** Calls `tick` every `intervalMs` while the component lives and `keepGoing()` says so. */
export function usePolling(tick: () => Promise<void>, keepGoing: () => boolean, intervalMs = 2000): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const schedule = () => {
    timer = setTimeout(async () => {
      if (keepGoing()) {
        await tick().catch(() => undefined)
      }
      schedule()
    }, intervalMs)
  }
  schedule()
  onBeforeUnmount(() => clearTimeout(timer))
}
