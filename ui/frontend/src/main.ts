import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { loadSession, takeReturnTo } from './state/session'
import './style.css'

// Who is logged in decides what the first page shows; ask the gateway before routing.
await loadSession()
const returnTo = takeReturnTo()
if (returnTo && window.location.pathname === '/') {
  await router.replace(returnTo)
}
createApp(App).use(router).mount('#app')
