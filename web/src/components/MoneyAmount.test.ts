// MoneyAmount: minor units rendered with the currency.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import MoneyAmount from './MoneyAmount.vue'
import { makeI18n } from '../i18n'

describe('MoneyAmount', () => {
  it('renders minor units with the currency', () => {
    const w = mount(MoneyAmount, { props: { minor: 100000001, currency: 'CNY' }, global: { plugins: [makeI18n('zh-CN')] } })
    expect(w.text()).toBe('1,000,000.01 CNY')
  })
})
