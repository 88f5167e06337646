// The web app's entry: Pinia, the router and vue-i18n; a 401 from any API
// call ends the session and returns to the login page. Element Plus
// components come on demand (vite.config.ts); the styles of its message
// boxes, called from scripts rather than templates, are imported here.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import App from './App.vue'
import { makeRouter } from './router'
import { i18n } from './i18n'
import { setUnauthenticatedHandler } from './api/client'
import { useSessionStore } from './stores/session'
import './style.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const router = makeRouter()
app.use(router)
app.use(i18n)
document.documentElement.lang = i18n.global.locale.value

setUnauthenticatedHandler(() => {
  const session = useSessionStore()
  session.expire()
  const current = router.currentRoute.value
  if (!current.meta.public) router.push({ name: 'login', query: { redirect: current.fullPath } })
})

app.mount('#app')
