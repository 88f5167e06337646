// DeadlineTag: the due date with a tag coloured and worded by how it
// stands on the day: overdue with the server's count of working (complaint
// stages) or calendar (case files) days, due soon, in time, or none.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import DeadlineTag from './DeadlineTag.vue'
import { makeI18n } from '../i18n'

function tag(props: Record<string, unknown>, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const w = mount(DeadlineTag, { props: { today: '2026-03-02', ...props }, global: { plugins: [makeI18n(locale), ElementPlus] } })
  const el = w.find('.el-tag')
  return { text: w.text(), level: w.attributes('data-level'), danger: el.classes().includes('el-tag--danger'), warning: el.classes().includes('el-tag--warning') }
}

describe('DeadlineTag', () => {
  it('counts working days overdue for a complaint stage, in red', () => {
    const t = tag({ dueOn: '2026-02-20', overdue: 6, unit: 'working' })
    expect(t).toMatchObject({ level: 'overdue', danger: true })
    expect(t.text).toContain('2026年2月20日')
    expect(t.text).not.toContain('2026-02-20')
    expect(t.text).toContain('逾期 6 个工作日')
  })
  it('counts calendar days overdue for a case file, in English too', () => {
    const t = tag({ dueOn: '2026-02-20', overdue: 10, unit: 'calendar' }, 'en')
    expect(t.text).toContain('Feb 20, 2026')
    expect(t.text).toContain('10 days overdue')
  })
  it('warns of a date past even before the server counted it', () => {
    expect(tag({ dueOn: '2026-03-01', overdue: 0 })).toMatchObject({ level: 'overdue', text: '2026年3月1日已逾期' })
  })
  it('is amber within three days and plain before', () => {
    expect(tag({ dueOn: '2026-03-04' })).toMatchObject({ level: 'soon', warning: true })
    expect(tag({ dueOn: '2026-03-20' })).toMatchObject({ level: 'ok', danger: false, warning: false })
  })
  it('says there is no deadline for a finished stage', () => {
    expect(tag({ dueOn: '' }, 'en')).toMatchObject({ level: 'none', text: 'No deadline' })
  })
})
