// The landscape's chart options: the kind of chart each analysis gets, the
// rows kept and their order, and the report's labels on axes and series.
import { describe, expect, it } from 'vitest'
import { chartHeight, chartOption, rowsOf, shorten } from './landscapeCharts'

const zh = { count: '数量', filings: '申请量', patents: '专利数', from: '来源', to: '目标', members: '成员', others: '其他' }

describe('landscape charts', () => {
  it('draw top applicants as bars, largest at the top, at most 20', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ name: `A${i}`, count: 100 - i }))
    const o = chartOption('top_applicants', rows, zh)!
    expect(o.series[0].type).toBe('bar')
    expect(o.yAxis.data).toHaveLength(20)
    expect(o.yAxis.data[19]).toBe('A0')
    expect(o.series[0].data[19]).toBe(100)
    expect(o.xAxis.name).toBe('数量')
    expect(o.aria).toEqual({ enabled: true })
    expect(o.animation).toBe(false)
  })

  it('stack the trend by country and add the filings line', () => {
    const o = chartOption(
      'trend',
      [
        { year: 2019, count: 3, by_country: { US: 2, CN: 1 } },
        { year: 2020, count: 5, by_country: { US: 1, CN: 4 } },
      ],
      zh,
    )!
    expect(o.xAxis.data).toEqual(['2019', '2020'])
    expect(o.series.map((s: { name: string }) => s.name)).toEqual(['CN', 'US', '申请量'])
    expect(o.series[0].data).toEqual([1, 4])
    expect(o.series[2]).toMatchObject({ type: 'line', data: [3, 5] })
  })

  it('make flows a sankey whose two ends never form a cycle', () => {
    const o = chartOption(
      'geography',
      [
        { from: 'US', to: 'CN', count: 2 },
        { from: 'CN', to: 'US', count: 1 },
        { from: 'US', to: 'US', count: 0 },
      ],
      zh,
    )!
    const s = o.series[0]
    expect(s.type).toBe('sankey')
    expect(s.links).toEqual([
      { source: '0:US', target: '1:CN', value: 2 },
      { source: '0:CN', target: '1:US', value: 1 },
    ])
    expect(o.graphic[0].style.text).toBe('来源')
  })

  it('turn the competitor matrix into heatmap cells, first applicant on top', () => {
    const o = chartOption('competitor_matrix', { applicants: ['A', 'B'], groups: ['H01M 10/00'], cells: [[3], [1]] }, zh)!
    expect(o.series[0].type).toBe('heatmap')
    expect(o.series[0].data).toEqual([
      [0, 1, 3],
      [0, 0, 1],
    ])
    expect(o.visualMap.max).toBe(3)
  })

  it('nest the technology rows under their parents', () => {
    const o = chartOption(
      'technology',
      {
        scheme: 'ipc',
        rows: [
          { level: 'section', code: 'H', parent: null, count: 5 },
          { level: 'class', code: 'H01', parent: 'H', count: 5 },
        ],
      },
      zh,
    )!
    expect(o.series[0].name).toBe('IPC')
    expect(o.series[0].data).toHaveLength(1)
    expect(o.series[0].data[0].children[0].name).toBe('H01')
  })

  it('compare members with others per group', () => {
    const o = chartOption('members_vs_others', { rows: [{ group: 'G', members: 2, others: 6, member_share: 0.25 }] }, zh)!
    expect(o.series.map((s: { name: string }) => s.name)).toEqual(['成员', '其他', 'member_share'])
    expect(o.series[2].data).toEqual([25])
  })

  it('stack the legal status groups per filing year beside a pie of the states', () => {
    const labels = { ...zh, live: '有效', dead: '失效', state_in_force: '有效', state_lapsed: '未缴费失效' }
    const v = {
      rows: [
        { state: 'in_force', count: 3 },
        { state: 'lapsed', count: 1 },
      ],
      by_year: [
        { year: 2019, live: 1, dead: 1, pending: 0, unknown: 0 },
        { year: 2020, live: 2, dead: 0, pending: 0, unknown: 0 },
      ],
    }
    const o = chartOption('legal_status', v, labels)!
    expect(o.xAxis.data).toEqual(['2019', '2020'])
    expect(o.series.slice(0, 4).map((s: { name: string }) => s.name)).toEqual(['有效', '失效', 'pending', 'unknown'])
    expect(o.series[0].data).toEqual([1, 2])
    expect(o.series[4].type).toBe('pie')
    expect(o.series[4].data).toEqual([
      { name: '有效', value: 3 },
      { name: '未缴费失效', value: 1 },
    ])
  })

  it('have an option for every analysis of the report and none for others', () => {
    for (const name of [
      'trend',
      'top_applicants',
      'applicant_types',
      'technology',
      'competitor_matrix',
      'geography',
      'lifecycle',
      'legal_status',
      'concentration',
      'core_patents',
      'citation_flows',
      'collaboration',
      'inventors',
      'emerging_terms',
      'white_space',
      'members_vs_others',
    ])
      expect(chartOption(name, [], {}), name).not.toBeNull()
    expect(chartOption('no_such_analysis', [], {})).toBeNull()
  })

  it('size bar lists by their rows', () => {
    expect(chartHeight('top_applicants', [])).toBe(320)
    expect(chartHeight('top_applicants', Array(20).fill({}))).toBe(20 * 26 + 90)
    expect(chartHeight('geography', [])).toBe(560)
    expect(chartHeight('trend', [])).toBe(400)
  })

  it('read rows and shorten labels', () => {
    expect(rowsOf({ rows: [{ a: 1 }] })).toEqual([{ a: 1 }])
    expect(rowsOf(null)).toEqual([])
    expect(shorten('abcdef', 4)).toBe('abc…')
    expect(shorten('abc', 4)).toBe('abc')
  })
})
