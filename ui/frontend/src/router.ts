import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { isAdmin, isLoggedIn, logIn, session } from './state/session'

declare module 'vue-router' {
  interface RouteMeta {
    requiresLogin?: boolean
    requiresAdmin?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./views/HomeView.vue') },
  { path: '/products/:id(\\d+)', component: () => import('./views/ProductView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
  { path: '/cart', component: () => import('./views/CartView.vue') },
  { path: '/checkout', component: () => import('./views/CheckoutView.vue'), meta: { requiresLogin: true } },
  { path: '/orders/:id/done', component: () => import('./views/OrderDoneView.vue'), props: true, meta: { requiresLogin: true } },
  { path: '/mypage', component: () => import('./views/MyPageView.vue'), meta: { requiresLogin: true } },
  { path: '/mypage/mashup', component: () => import('./views/MyPageMashupView.vue'), meta: { requiresLogin: true } },
  { path: '/admin/products', component: () => import('./views/AdminProductsView.vue'), meta: { requiresLogin: true, requiresAdmin: true } },
  { path: '/admin/operations', component: () => import('./views/AdminOperationsView.vue'), meta: { requiresLogin: true, requiresAdmin: true } },
  { path: '/signup', component: () => import('./views/SignUpView.vue') },
  { path: '/forbidden', component: () => import('./views/ForbiddenView.vue') },
  { path: '/:unknown(.*)*', component: () => import('./views/NotFoundView.vue') },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

/** The UI hides what a shopper may not do; the services refuse it anyway. */
router.beforeEach((to) => {
  if (!session.loaded) {
    return true
  }
  if (to.meta.requiresLogin && !isLoggedIn.value) {
    logIn(to.fullPath)
    return false
  }
  if (to.meta.requiresAdmin && !isAdmin.value) {
    return { path: '/forbidden', replace: true }
  }
  return true
})
