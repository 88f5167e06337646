// The landscape's charts as ECharts options, one per analysis, drawn the way
// the HTML report draws them (src/report/assets/report.js): the same chart
// kinds, rows kept, orders and labels (the report's labels, from the API's
// presentation.labels). Pure: data in, option out; the screen renders it.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Row = Record<string, any>
export type Labels = Record<string, string>
export type ChartOption = Record<string, any>

function esc(s: unknown): string {
  return String(s == null ? '' : s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )
}
function num(x: unknown): number {
  return typeof x === 'number' && isFinite(x) ? x : 0
}
function pct(x: unknown): string {
  return (num(x) * 100).toFixed(1) + '%'
}
// Integers as is, other numbers with at most two decimals.
function fmt(x: unknown): string {
  return typeof x === 'number' && isFinite(x) && Math.round(x) !== x ? String(+x.toFixed(2)) : String(x)
}
// The rows of an analysis: the array itself or its "rows" field.
export function rowsOf(v: unknown): Row[] {
  if (Array.isArray(v)) return v as Row[]
  if (v && typeof v === 'object' && Array.isArray((v as Row).rows)) return (v as Row).rows as Row[]
  return []
}
function byDesc(key: string) {
  return (a: Row, b: Row) => num(b[key]) - num(a[key])
}
function top(rows: Row[], key: string, n: number): Row[] {
  return rows.slice().sort(byDesc(key)).slice(0, n)
}
export function shorten(s: unknown, n: number): string {
  const t = String(s == null ? '' : s)
  return t.length > n ? t.slice(0, n - 1) + '…' : t
}

const tooltipAxis = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true }
const grid = { left: 16, right: 48, top: 48, bottom: 36, containLabel: true }
const yName = { align: 'left' }

// The builders close over the labels of the chosen language.
function builders(labels: Labels): Record<string, (v: any) => ChartOption> {
  const L = (key: string) => labels[key] || key

  // A horizontal bar chart of the top rows, largest at the top.
  function hbar(
    input: Row[],
    labelKey: string,
    valueKey: string,
    seriesName: string,
    extra: string[],
    labelOf: (r: Row) => unknown = (r) => r[labelKey],
  ): ChartOption {
    const rows = input.slice().reverse()
    return {
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: any) => {
          const r = rows[p.dataIndex]
          let html = '<b>' + esc(r[labelKey]) + '</b><br>' + esc(seriesName) + ': ' + esc(fmt(r[valueKey]))
          for (const k of extra)
            if (r[k] != null) html += '<br>' + esc(L(k)) + ': ' + esc(Array.isArray(r[k]) ? r[k].join('; ') : fmt(r[k]))
          return html
        },
      },
      grid,
      xAxis: { type: 'value', name: seriesName, nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'category', data: rows.map((r) => shorten(labelOf(r), 36)) },
      series: [
        {
          name: seriesName,
          type: 'bar',
          data: rows.map((r) => num(r[valueKey])),
          label: { show: true, position: 'right', formatter: (p: any) => fmt(p.value) },
        },
      ],
    }
  }

  // A two-column sankey of [from, to, value]; the two ends are distinct
  // nodes ("0:" and "1:" prefixes), so flows both ways make no cycle.
  function flowSankey(flows: [string, string, number][], leftTitle: string, rightTitle: string): ChartOption {
    const nodes: { name: string; depth: number }[] = []
    const seen = new Set<string>()
    const node = (side: number, n: string) => {
      const id = side + ':' + n
      if (!seen.has(id)) {
        seen.add(id)
        nodes.push({ name: id, depth: side })
      }
      return id
    }
    const shown = (id: string) => id.slice(2)
    const links = flows.map((f) => ({ source: node(0, f[0]), target: node(1, f[1]), value: f[2] }))
    return {
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: any) =>
          p.dataType === 'edge'
            ? esc(shown(p.data.source)) + ' → ' + esc(shown(p.data.target)) + ': ' + esc(p.data.value)
            : esc(shown(p.name)) + ': ' + esc(p.value),
      },
      graphic: [
        { type: 'text', left: 16, top: 0, style: { text: leftTitle, fontWeight: 'bold', fill: '#616e7c' } },
        { type: 'text', right: 16, top: 0, style: { text: rightTitle, fontWeight: 'bold', fill: '#616e7c' } },
      ],
      series: [
        {
          type: 'sankey',
          data: nodes,
          links,
          top: 28,
          bottom: 12,
          left: 16,
          right: 16,
          nodeAlign: 'justify',
          layoutIterations: 32,
          label: { formatter: (p: any) => shorten(shown(p.name), 36) },
          levels: [{ depth: 1, label: { position: 'left' } }],
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
        },
      ],
    }
  }

  return {
    trend(v) {
      const rows = rowsOf(v)
      const years = rows.map((r) => String(r.year))
      const totals: Record<string, number> = {}
      for (const r of rows) for (const c of Object.keys(r.by_country || {})) totals[c] = (totals[c] || 0) + num(r.by_country[c])
      const countries = Object.keys(totals).sort((a, b) => totals[b] - totals[a] || (a < b ? -1 : 1))
      const shownC = countries.slice(0, 8)
      const rest = countries.slice(8)
      const series: Row[] = []
      if (shownC.length) {
        for (const c of shownC)
          series.push({
            name: c,
            type: 'bar',
            stack: 'filings',
            emphasis: { focus: 'series' },
            data: rows.map((r) => num((r.by_country || {})[c])),
          })
        if (rest.length)
          series.push({
            name: L('other_countries'),
            type: 'bar',
            stack: 'filings',
            data: rows.map((r) => rest.reduce((s, c) => s + num((r.by_country || {})[c]), 0)),
          })
        series.push({ name: L('filings'), type: 'line', data: rows.map((r) => num(r.count)) })
      } else {
        series.push({ name: L('filings'), type: 'bar', data: rows.map((r) => num(r.count)) })
      }
      if (rows.some((r) => r.publications != null))
        series.push({ name: L('publications'), type: 'line', data: rows.map((r) => (r.publications == null ? null : r.publications)) })
      if (rows.some((r) => r.priority != null))
        series.push({
          name: L('priority'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          data: rows.map((r) => (r.priority == null ? null : r.priority)),
        })
      return {
        tooltip: tooltipAxis,
        legend: { type: 'scroll', top: 0 },
        grid,
        xAxis: { type: 'category', data: years },
        yAxis: { type: 'value', name: L('count'), nameTextStyle: yName },
        series,
      }
    },

    top_applicants: (v) =>
      hbar(rowsOf(v).slice(0, 20), 'name', 'count', L('count'), [
        'share',
        'first_year',
        'last_year',
        'growth',
        'mean_forward_citations',
        'main_ipc',
      ]),

    applicant_types(v) {
      const rows = rowsOf(v)
      const types = ['company', 'university', 'research_institute', 'individual', 'other']
      return {
        tooltip: { trigger: 'axis', confine: true },
        legend: { top: 0 },
        grid,
        xAxis: { type: 'category', boundaryGap: false, data: rows.map((r) => String(r.year)) },
        yAxis: { type: 'value', name: L('patents'), nameTextStyle: yName },
        series: types.map((t) => ({
          name: L(t),
          type: 'line',
          stack: 'types',
          areaStyle: {},
          emphasis: { focus: 'series' },
          data: rows.map((r) => num(r[t])),
        })),
      }
    },

    technology(v) {
      const rows = rowsOf(v)
      // Keep the largest 200 main groups; the upper levels are few.
      const groups = rows.filter((r) => r.level === 'main_group').sort(byDesc('count')).slice(0, 200)
      const kept = rows.filter((r) => r.level !== 'main_group').concat(groups)
      const nodes: Record<string, Row> = {}
      const roots: Row[] = []
      for (const r of kept) nodes[r.code] = { name: String(r.code), value: num(r.count), share: r.share, children: [] }
      for (const r of kept) {
        const parent = r.parent != null ? nodes[r.parent] : null
        if (parent && parent !== nodes[r.code]) parent.children.push(nodes[r.code])
        else roots.push(nodes[r.code])
      }
      for (const k of Object.keys(nodes)) if (!nodes[k].children.length) delete nodes[k].children
      return {
        tooltip: {
          formatter: (p: any) =>
            '<b>' +
            esc(p.name) +
            '</b><br>' +
            esc(L('count')) +
            ': ' +
            esc(p.value) +
            (p.data && p.data.share != null ? '<br>' + esc(L('share')) + ': ' + pct(p.data.share) : ''),
        },
        series: [
          {
            type: 'treemap',
            name: v && v.scheme ? String(v.scheme).toUpperCase() : 'IPC',
            data: roots,
            roam: false,
            width: '96%',
            height: '88%',
            top: 8,
            visibleMin: 60,
            upperLabel: { show: true, height: 22 },
            breadcrumb: { show: true, bottom: 4 },
            levels: [
              { itemStyle: { borderWidth: 0, gapWidth: 4, borderColor: '#fff' } },
              { itemStyle: { borderWidth: 3, gapWidth: 2, borderColor: '#dde3ea' }, colorSaturation: [0.35, 0.55] },
              { itemStyle: { borderWidth: 3, gapWidth: 1, borderColorSaturation: 0.6 }, colorSaturation: [0.3, 0.5] },
              { itemStyle: { borderWidth: 1, gapWidth: 1, borderColorSaturation: 0.7 }, colorSaturation: [0.25, 0.5] },
            ],
          },
        ],
      }
    },

    competitor_matrix(v) {
      const names: string[] = (v?.applicants || []).map((a: unknown) => shorten(a, 32))
      const groups: string[] = (v?.groups || []).map(String)
      const cells: unknown[][] = v?.cells || []
      const data: number[][] = []
      let max = 0
      for (let i = 0; i < names.length; i++)
        for (let j = 0; j < groups.length; j++) {
          const c = num((cells[i] || [])[j])
          max = Math.max(max, c)
          data.push([j, names.length - 1 - i, c])
        }
      return {
        tooltip: {
          formatter: (p: any) => {
            const i = names.length - 1 - p.value[1]
            return '<b>' + esc((v.applicants || [])[i]) + '</b><br>' + esc(groups[p.value[0]]) + ': ' + esc(p.value[2])
          },
        },
        grid: { left: 16, right: 24, top: 16, bottom: 64, containLabel: true },
        xAxis: { type: 'category', data: groups, axisLabel: { rotate: 45, interval: 0 }, splitArea: { show: true } },
        yAxis: { type: 'category', data: names.slice().reverse(), axisLabel: { interval: 0 }, splitArea: { show: true } },
        visualMap: { min: 0, max: Math.max(1, max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
        series: [
          {
            name: L('patents'),
            type: 'heatmap',
            data,
            label: { show: data.length <= 300 },
            emphasis: { itemStyle: { shadowBlur: 8 } },
          },
        ],
      }
    },

    geography(v) {
      const rows = top(rowsOf(v).filter((r) => num(r.count) > 0), 'count', 60)
      return flowSankey(
        rows.map((r) => [String(r.from), String(r.to), num(r.count)]),
        L('from'),
        L('to'),
      )
    },

    lifecycle(v) {
      const rows = rowsOf(v)
      const stage = v && v.stage ? String(v.stage) : ''
      return {
        title: stage
          ? { text: L('stage') + ': ' + L('stage_' + stage), right: 16, top: 0, textStyle: { fontSize: 14 } }
          : undefined,
        tooltip: {
          trigger: 'item',
          formatter: (p: any) =>
            esc(L('year')) +
            ' ' +
            esc(p.value[2]) +
            '<br>' +
            esc(L('patents')) +
            ': ' +
            esc(p.value[0]) +
            '<br>' +
            esc(L('applicants')) +
            ': ' +
            esc(p.value[1]),
        },
        grid,
        xAxis: { type: 'value', name: L('patents'), scale: true, nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'value', name: L('applicants'), scale: true, nameTextStyle: yName },
        series: [
          {
            type: 'line',
            name: L('stage'),
            symbolSize: 9,
            data: rows.map((r) => [num(r.patents), num(r.applicants), r.year]),
            label: { show: true, position: 'top', formatter: (p: any) => String(p.value[2]) },
          },
        ],
      }
    },

    concentration(v) {
      const rows = rowsOf(v)
      return {
        tooltip: { trigger: 'axis', confine: true },
        legend: { top: 0 },
        grid,
        xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
        yAxis: [
          { type: 'value', name: 'CR %', min: 0, max: 100, nameTextStyle: yName },
          { type: 'value', name: 'HHI', min: 0 },
        ],
        series: [
          { name: 'CR4', type: 'line', data: rows.map((r) => +(num(r.cr4) * 100).toFixed(2)) },
          { name: 'CR8', type: 'line', data: rows.map((r) => +(num(r.cr8) * 100).toFixed(2)) },
          { name: 'HHI', type: 'bar', yAxisIndex: 1, itemStyle: { opacity: 0.45 }, data: rows.map((r) => num(r.hhi)) },
        ],
      }
    },

    // In rank order (the combined rank), each bar its forward citations.
    core_patents: (v) =>
      hbar(
        rowsOf(v).slice(0, 20),
        'publication_number',
        'forward_citations',
        L('forward_citations'),
        ['title', 'rank', 'normalized_citations', 'pagerank', 'reasons'],
        (r) => (r.rank != null ? r.rank + '. ' : '') + r.publication_number,
      ),

    citation_flows(v) {
      const rows = top(rowsOf(v).filter((r) => num(r.count) > 0), 'count', 50)
      return flowSankey(
        rows.map((r) => [String(r.citing), String(r.cited), num(r.count)]),
        L('citing'),
        L('cited'),
      )
    },

    collaboration(v) {
      const all: { n: Row; i: number }[] = (v?.nodes || []).map((n: Row, i: number) => ({ n, i }))
      const kept = all
        .slice()
        .sort((a, b) => num(b.n.count) - num(a.n.count) || a.i - b.i)
        .slice(0, 150)
      const index: Record<number, number> = {}
      kept.forEach((k, j) => (index[k.i] = j))
      const communities: unknown[] = []
      for (const k of kept) if (!communities.includes(k.n.community)) communities.push(k.n.community)
      communities.sort((a, b) => num(a) - num(b))
      const max = Math.max(1, ...kept.map((k) => num(k.n.count)))
      const nodes = kept.map((k, j) => ({
        name: String(k.n.name),
        value: num(k.n.count),
        category: communities.indexOf(k.n.community),
        symbolSize: 6 + 26 * Math.sqrt(num(k.n.count) / max),
        label: { show: j < 12, formatter: () => shorten(k.n.name, 28) },
      }))
      const links = ((v?.edges || []) as Row[])
        .filter((e) => e.source in index && e.target in index)
        .map((e) => ({ source: index[e.source], target: index[e.target], value: num(e.weight) }))
      return {
        tooltip: { confine: true },
        legend: { type: 'scroll', top: 0, data: communities.map((c) => L('community') + ' ' + c) },
        series: [
          {
            type: 'graph',
            layout: 'force',
            roam: true,
            draggable: true,
            top: 64,
            bottom: 16,
            zoom: 0.9,
            data: nodes,
            links,
            categories: communities.map((c) => ({ name: L('community') + ' ' + c })),
            label: { position: 'right', fontSize: 11 },
            force: { repulsion: 100, edgeLength: [25, 90], gravity: 0.1, layoutAnimation: false },
            lineStyle: { color: 'source', curveness: 0.15, opacity: 0.6 },
            emphasis: { focus: 'adjacency' },
          },
        ],
      }
    },

    inventors: (v) =>
      hbar(rowsOf(v).slice(0, 20), 'name', 'count', L('count'), ['applicants', 'first_year', 'last_year', 'mean_forward_citations']),

    emerging_terms: (v) => hbar(top(rowsOf(v), 'growth', 20), 'term', 'growth', L('growth'), ['share_a', 'share_b']),

    white_space(v) {
      const rows = rowsOf(v)
      const max = Math.max(1, ...rows.map((r) => num(r.holders)))
      return {
        tooltip: {
          formatter: (p: any) => {
            const r = rows[p.dataIndex]
            return (
              '<b>' +
              esc(r.group) +
              '</b><br>' +
              esc(L('count')) +
              ': ' +
              esc(r.count) +
              '<br>' +
              esc(L('holders')) +
              ': ' +
              esc(r.holders) +
              '<br>' +
              esc(L('growth')) +
              ': ' +
              pct(r.growth) +
              (r.reason ? '<br>' + esc(r.reason) : '')
            )
          },
        },
        grid,
        xAxis: { type: 'value', name: L('count'), scale: true, nameLocation: 'middle', nameGap: 26 },
        yAxis: {
          type: 'value',
          name: L('growth'),
          nameTextStyle: yName,
          axisLabel: { formatter: (x: number) => (x * 100).toFixed(0) + '%' },
        },
        series: [
          {
            type: 'scatter',
            name: L('group'),
            data: rows.map((r) => [num(r.count), num(r.growth), num(r.holders)]),
            symbolSize: (d: number[]) => 8 + 30 * Math.sqrt(d[2] / max),
            label: { show: rows.length <= 30, position: 'top', formatter: (p: any) => String(rows[p.dataIndex].group) },
            itemStyle: { opacity: 0.75 },
          },
        ],
      }
    },

    legal_status(v) {
      const years: Row[] = v && Array.isArray((v as any).by_year) ? (v as any).by_year : []
      const groups = ['live', 'dead', 'pending', 'unknown']
      return {
        tooltip: { trigger: 'item', confine: true },
        legend: { top: 0 },
        grid: { left: '42%', right: 24, top: 48, bottom: 36, containLabel: true },
        xAxis: { type: 'category', data: years.map((r) => String(r.year)) },
        yAxis: { type: 'value', name: L('patents'), nameTextStyle: yName },
        series: [
          ...groups.map((g) => ({
            name: L(g),
            type: 'bar',
            stack: 'groups',
            emphasis: { focus: 'series' },
            data: years.map((r) => num(r[g])),
          })),
          {
            type: 'pie',
            name: L('state'),
            center: ['20%', '55%'],
            radius: ['28%', '50%'],
            label: { formatter: '{b}: {d}%' },
            data: rowsOf(v).map((r) => ({ name: L('state_' + r.state), value: num(r.count) })),
          },
        ],
      }
    },

    members_vs_others(v) {
      const rows = rowsOf(v).slice(0, 30)
      return {
        tooltip: tooltipAxis,
        legend: { top: 0 },
        grid,
        xAxis: {
          type: 'category',
          data: rows.map((r) => String(r.group)),
          axisLabel: { rotate: rows.length > 8 ? 45 : 0, interval: 0 },
        },
        yAxis: [
          { type: 'value', name: L('patents'), nameTextStyle: yName },
          { type: 'value', name: L('member_share'), min: 0, max: 100 },
        ],
        series: [
          { name: L('members'), type: 'bar', data: rows.map((r) => num(r.members)) },
          { name: L('others'), type: 'bar', data: rows.map((r) => num(r.others)) },
          {
            name: L('member_share'),
            type: 'line',
            yAxisIndex: 1,
            data: rows.map((r) => +(num(r.member_share) * 100).toFixed(2)),
          },
        ],
      }
    },
  }
}

// The option of analysis `name` over its JSON `value`, labelled with
// `labels`; null for an analysis the report has no chart for.
export function chartOption(name: string, value: unknown, labels: Labels): ChartOption | null {
  const build = builders(labels)[name]
  if (!build) return null
  const option = build(value)
  option.aria = { enabled: true }
  // As in the report: the charts appear at once, without the entry animation.
  option.animation = false
  return option
}

// The chart's height in pixels: bar lists grow with their rows.
export function chartHeight(name: string, value: unknown): number {
  const rows = rowsOf(value)
  if (['top_applicants', 'inventors', 'core_patents', 'emerging_terms'].includes(name))
    return Math.max(320, Math.min(rows.length, 20) * 26 + 90)
  if (name === 'competitor_matrix') return Math.max(360, ((value as Row)?.applicants || []).length * 28 + 140)
  if (['technology', 'collaboration', 'geography', 'citation_flows'].includes(name)) return 560
  return 400
}
