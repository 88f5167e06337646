// Vite builds the web app into PATNAV_WEB_OUT (CMake: <build>/web-dist) or
// dist/; `npm run dev` proxies /api to PATNAV_API (a running `patnav serve`).
// Element Plus is imported on demand: unplugin-vue-components turns each
// <el-*> tag and v-loading into an import of that component and its CSS, so
// a screen's chunk carries the components it uses and the first load only
// those of the login page and the search workspace, not the whole library.
// Vitest runs the *.test.ts files beside the code in jsdom.
/// <reference types="vitest" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

export default defineConfig({
  // Under Vitest the component tests install Element Plus whole (its CSS
  // files cannot be loaded by Node), so the on-demand imports are left out.
  plugins: [
    vue(),
    ...(process.env.VITEST ? [] : [Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false })]),
  ],
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
