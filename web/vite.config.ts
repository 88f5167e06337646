// Vite builds the web app into PATNAV_WEB_OUT (CMake: <build>/web-dist) or
// dist/; `npm run dev` proxies /api to PATNAV_API (a running `patnav serve`).
// Vitest runs the *.test.ts files beside the code in jsdom.
/// <reference types="vitest" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: process.env.PATNAV_WEB_OUT || 'dist',
    emptyOutDir: true,
    // The module-preload polyfill is an inline script, which the server's CSP forbids.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        manualChunks: {
          vue: ['vue', 'vue-router', 'pinia', 'vue-i18n'],
          'element-plus': ['element-plus'],
          echarts: ['echarts', 'vue-echarts'],
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.PATNAV_API || 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
})
