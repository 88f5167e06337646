// FacetPanel: headings and named buttons in both languages, and the choice it emits.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import FacetPanel from './FacetPanel.vue'
import { makeI18n } from '../i18n'

const facets = {
  applicants: [{ value: 'MAINBAU', count: 14 }],
  countries: [{ value: 'US', count: 200 }],
  ipc_subclasses: [],
  years: [{ value: '2025', count: 39 }],
}

describe('FacetPanel', () => {
  it('shows each facet with a named button and emits the choice', async () => {
    const w = mount(FacetPanel, { props: { facets }, global: { plugins: [makeI18n('zh-CN')] } })
    expect(w.findAll('h3').map((h) => h.text())).toEqual(['申请人', '国家/地区', '公开年'])
    const buttons = w.findAll('button')
    expect(buttons).toHaveLength(3)
    expect(buttons[0].attributes('aria-label')).toBe('按 申请人 筛选：MAINBAU（14）')
    await buttons[2].trigger('click')
    expect(w.emitted('choose')).toEqual([['years', '2025']])
  })

  it('speaks English when asked', () => {
    const w = mount(FacetPanel, { props: { facets }, global: { plugins: [makeI18n('en')] } })
    expect(w.find('h3').text()).toBe('Applicants')
    expect(w.find('button').attributes('aria-label')).toBe('Filter by Applicants: MAINBAU (14)')
  })
})
