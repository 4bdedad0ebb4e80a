import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// `npm run build` writes into the ui service's classpath (served at / behind the gateway).
// `npm run dev` serves the pages on :5173 and sends API and login paths to the gateway on :8080.
const gateway = 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': gateway,
      '/oauth2': gateway,
      '/login': gateway,
      '/logout': gateway,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
  },
})
