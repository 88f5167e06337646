// RecordingDossier: the four materials with their checklists (charter items
// titled in the reader's language, member names as they are), the form,
// the conditions a submission still fails and the computed priority
// circumstances, all in the chosen language.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import RecordingDossier from './RecordingDossier.vue'
import { makeI18n } from '../i18n'
import type { Recording } from '../api/office'

const recording: Recording = {
  id: 1,
  alliance: 'Gamma',
  province: '北京市',
  state: 'submitted',
  record_number: '',
  recorded_on: '',
  rejection_reason: '',
  created_at: '2026-12-06T10:00:00Z',
  updated_at: '2026-12-06T10:00:00Z',
  form: {
    industry: '储能',
    industry_category: 'ip_intensive',
    industry_stage: 'growing',
    lead_unit: '宁德时代',
    secretary_general_unit: '厦门大学',
    operator: '',
    third_party_operator: true,
    contact_person: '王五',
    contact_phone: '010-1',
    contact_email: '',
    lead_licence: true,
    secretary_licence: false,
    charter_signed: true,
  },
  application_form: { name: 'Gamma', form: 'social_organization', address: '北京市海淀区', members: 1, members_by_type: { industry: 1, university: 0 } },
  materials: [
    { material: 'charter', complete: false, items: [{ item: 'item_1', done: true, detail: 'name and address of the alliance' }] },
    { material: 'member_list', complete: false, items: [{ item: '宁德时代', done: true, detail: '张三' }, { item: 'at_least_two_members', done: false, detail: '1 active' }] },
  ],
  failing_rules: [{ rule: 'at_least_two_members', detail: '1 active member' }],
  priority_circumstances: [{ code: 'business_entity_or_third_party_operator', met: true, basis: 'a third-party professional operator runs it' }],
  history: [],
  allowed_actions: [],
}

function show(locale: 'zh-CN' | 'en', hideForm = false) {
  return mount(RecordingDossier, { props: { recording, hideForm }, global: { plugins: [makeI18n(locale), ElementPlus] } })
}

describe('RecordingDossier', () => {
  it('titles charter items and translates codes, leaving member names as they are', () => {
    const text = show('zh-CN').text()
    expect(text).toContain('章程第1项：联盟名称和住所')
    expect(text).not.toContain('name and address of the alliance')
    expect(text).toContain('宁德时代 — 张三')
    expect(text).toContain('至少两家成员 — 1 active')
    expect(text).toContain('✘ 至少两家成员 — 1 active member')
    expect(text).toContain('符合 企业法人形式或第三方专业机构运营 （依据：a third-party professional operator runs it）')
    expect(text).toContain('知识产权密集型')
    expect(text).toContain('成长期')
    expect(text).toContain('社会团体')
  })
  it('reads in English', () => {
    const text = show('en').text()
    expect(text).toContain('Charter item 1: Name and address of the alliance')
    expect(text).toContain('A business entity, or run by a third-party operator')
    expect(text).toContain('Met A business entity, or run by a third-party operator (basis: a third-party professional operator runs it)')
    expect(text).toContain('Conditions for submission')
  })
  it('leaves the form out where the page shows it already', () => {
    expect(show('zh-CN').text()).toContain('北京市海淀区')
    expect(show('zh-CN', true).text()).not.toContain('北京市海淀区')
  })
})
