// The web app's entry: Pinia, the router, vue-i18n and Element Plus; a 401
// from any API call ends the session and returns to the login page.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
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
app.use(ElementPlus)
document.documentElement.lang = i18n.global.locale.value

setUnauthenticatedHandler(() => {
  const session = useSessionStore()
  session.expire()
  const current = router.currentRoute.value
  if (!current.meta.public) router.push({ name: 'login', query: { redirect: current.fullPath } })
})

app.mount('#app')
