// vue-i18n set-up: 简体中文 by default, English on request; the choice is
// kept in localStorage and mirrored to <html lang>.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type Locale = 'zh-CN' | 'en'
export const LOCALES: Locale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'patnav.locale'

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch {
    // storage unavailable: the default
  }
  return 'zh-CN'
}

export const messages = { 'zh-CN': zhCN, en }

export function makeI18n(locale: Locale = initialLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  })
}

export const i18n = makeI18n()

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // storage unavailable: the choice lasts for this page
  }
}
