// patnav landscape report: draws one ECharts chart per div.chart[data-analysis]
// from the JSON in script#patnav-data ({language, ui, charts, landscape}; see
// src/report/html_report.cc and docs/landscape-json.md). Inlined into the report
// at build time. After every chart has finished rendering it records on <body>:
//   data-charts-rendered  charts whose canvas holds visible pixels
//   data-error-count      script errors and console.error calls seen
//   data-errors           their messages, joined by " | "
//   data-charts-unfinished  charts that never reported 'finished' (diagnostics)
// which the headless-browser test reads.
(function () {
  'use strict';
  var errors = window.__patnavErrors || [];
  var payload = JSON.parse(document.getElementById('patnav-data').textContent);
  var ui = payload.ui || {};
  var landscape = payload.landscape || {};

  function L(key) { return ui[key] || key; }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function num(x) { return typeof x === 'number' && isFinite(x) ? x : 0; }
  function pct(x) { return (num(x) * 100).toFixed(1) + '%'; }
  // Integers as is, other numbers with at most two decimals.
  function fmt(x) { return typeof x === 'number' && isFinite(x) && Math.round(x) !== x ? String(+x.toFixed(2)) : String(x); }
  function rowsOf(v) { return Array.isArray(v) ? v : (v && Array.isArray(v.rows) ? v.rows : []); }
  function byDesc(key) { return function (a, b) { return num(b[key]) - num(a[key]); }; }
  function top(rows, key, n) { return rows.slice().sort(byDesc(key)).slice(0, n); }
  function shorten(s, n) { s = String(s == null ? '' : s); return s.length > n ? s.slice(0, n - 1) + '…' : s; }

  var tooltipAxis = {trigger: 'axis', axisPointer: {type: 'shadow'}, confine: true};
  var grid = {left: 16, right: 48, top: 48, bottom: 36, containLabel: true};
  var yName = {align: 'left'};

  // A horizontal bar chart of the top rows, largest at the top.
  function hbar(rows, labelKey, valueKey, seriesName, extra, labelOf) {
    rows = rows.slice().reverse();
    labelOf = labelOf || function (r) { return r[labelKey]; };
    return {
      tooltip: {trigger: 'item', confine: true, formatter: function (p) {
        var r = rows[p.dataIndex];
        var html = '<b>' + esc(r[labelKey]) + '</b><br>' + esc(seriesName) + ': ' + esc(fmt(r[valueKey]));
        (extra || []).forEach(function (k) {
          if (r[k] != null) html += '<br>' + esc(L(k)) + ': ' + esc(Array.isArray(r[k]) ? r[k].join('; ') : fmt(r[k]));
        });
        return html;
      }},
      grid: grid,
      xAxis: {type: 'value', name: seriesName, nameLocation: 'middle', nameGap: 26},
      yAxis: {type: 'category', data: rows.map(function (r) { return shorten(labelOf(r), 36); })},
      series: [{name: seriesName, type: 'bar', data: rows.map(function (r) { return num(r[valueKey]); }),
                label: {show: true, position: 'right', formatter: function (p) { return fmt(p.value); }}}]
    };
  }

  // A two-column sankey of [from, to, value] flows. The left and right ends
  // are distinct nodes ("0:" and "1:" prefixes), so flows between the same
  // pair both ways, or from a node to itself, make no cycle (which the sankey
  // refuses); labels show the names without the prefix.
  function flowSankey(flows, leftTitle, rightTitle) {
    var nodes = [], seen = {};
    function node(side, n) {
      var id = side + ':' + n;
      if (!seen[id]) { seen[id] = true; nodes.push({name: id, depth: side}); }
      return id;
    }
    function shown(id) { return id.slice(2); }
    var links = flows.map(function (f) { return {source: node(0, f[0]), target: node(1, f[1]), value: f[2]}; });
    return {
      tooltip: {trigger: 'item', confine: true, formatter: function (p) {
        if (p.dataType === 'edge')
          return esc(shown(p.data.source)) + ' → ' + esc(shown(p.data.target)) + ': ' + esc(p.data.value);
        return esc(shown(p.name)) + ': ' + esc(p.value);
      }},
      graphic: [{type: 'text', left: 16, top: 0, style: {text: leftTitle, fontWeight: 'bold', fill: '#616e7c'}},
                {type: 'text', right: 16, top: 0, style: {text: rightTitle, fontWeight: 'bold', fill: '#616e7c'}}],
      series: [{type: 'sankey', data: nodes, links: links, top: 28, bottom: 12, left: 16, right: 16,
                nodeAlign: 'justify', layoutIterations: 32,
                label: {formatter: function (p) { return shorten(shown(p.name), 36); }},
                levels: [{depth: 1, label: {position: 'left'}}],
                emphasis: {focus: 'adjacency'}, lineStyle: {color: 'gradient', curveness: 0.5, opacity: 0.35}}]
    };
  }

  var builders = {
    trend: function (v) {
      var rows = rowsOf(v);
      var years = rows.map(function (r) { return String(r.year); });
      var totals = {};
      rows.forEach(function (r) {
        Object.keys(r.by_country || {}).forEach(function (c) { totals[c] = (totals[c] || 0) + num(r.by_country[c]); });
      });
      var countries = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a] || (a < b ? -1 : 1); });
      var shown = countries.slice(0, 8), rest = countries.slice(8);
      var series = [];
      if (shown.length) {
        shown.forEach(function (c) {
          series.push({name: c, type: 'bar', stack: 'filings', emphasis: {focus: 'series'},
                       data: rows.map(function (r) { return num((r.by_country || {})[c]); })});
        });
        if (rest.length) series.push({name: L('other_countries'), type: 'bar', stack: 'filings',
          data: rows.map(function (r) { return rest.reduce(function (s, c) { return s + num((r.by_country || {})[c]); }, 0); })});
        series.push({name: L('filings'), type: 'line', data: rows.map(function (r) { return num(r.count); })});
      } else {
        series.push({name: L('filings'), type: 'bar', data: rows.map(function (r) { return num(r.count); })});
      }
      if (rows.some(function (r) { return r.publications != null; }))
        series.push({name: L('publications'), type: 'line', data: rows.map(function (r) { return r.publications == null ? null : r.publications; })});
      if (rows.some(function (r) { return r.priority != null; }))
        series.push({name: L('priority'), type: 'line', lineStyle: {type: 'dashed'},
                     data: rows.map(function (r) { return r.priority == null ? null : r.priority; })});
      return {tooltip: tooltipAxis, legend: {type: 'scroll', top: 0}, grid: grid,
              xAxis: {type: 'category', data: years}, yAxis: {type: 'value', name: L('count'), nameTextStyle: yName},
              series: series};
    },

    top_applicants: function (v) {
      return hbar(rowsOf(v).slice(0, 20), 'name', 'count', L('count'),
                  ['share', 'first_year', 'last_year', 'growth', 'mean_forward_citations', 'main_ipc']);
    },

    applicant_types: function (v) {
      var rows = rowsOf(v);
      var types = ['company', 'university', 'research_institute', 'individual', 'other'];
      return {tooltip: {trigger: 'axis', confine: true}, legend: {top: 0}, grid: grid,
              xAxis: {type: 'category', boundaryGap: false, data: rows.map(function (r) { return String(r.year); })},
              yAxis: {type: 'value', name: L('patents'), nameTextStyle: yName},
              series: types.map(function (t) {
                return {name: L(t), type: 'line', stack: 'types', areaStyle: {}, emphasis: {focus: 'series'},
                        data: rows.map(function (r) { return num(r[t]); })};
              })};
    },

    technology: function (v) {
      var rows = rowsOf(v);
      // Keep the largest 200 main groups; the upper levels are few.
      var groups = rows.filter(function (r) { return r.level === 'main_group'; }).sort(byDesc('count')).slice(0, 200);
      var kept = rows.filter(function (r) { return r.level !== 'main_group'; }).concat(groups);
      var nodes = {}, roots = [];
      kept.forEach(function (r) {
        nodes[r.code] = {name: String(r.code), value: num(r.count), share: r.share, children: []};
      });
      kept.forEach(function (r) {
        var parent = r.parent != null ? nodes[r.parent] : null;
        if (parent && parent !== nodes[r.code]) parent.children.push(nodes[r.code]); else roots.push(nodes[r.code]);
      });
      Object.keys(nodes).forEach(function (k) { if (!nodes[k].children.length) delete nodes[k].children; });
      return {
        tooltip: {formatter: function (p) {
          return '<b>' + esc(p.name) + '</b><br>' + esc(L('count')) + ': ' + esc(p.value) +
                 (p.data && p.data.share != null ? '<br>' + esc(L('share')) + ': ' + pct(p.data.share) : '');
        }},
        series: [{type: 'treemap', name: (v && v.scheme ? String(v.scheme).toUpperCase() : 'IPC'), data: roots,
                  roam: false, width: '96%', height: '88%', top: 8, visibleMin: 60,
                  upperLabel: {show: true, height: 22},
                  breadcrumb: {show: true, bottom: 4},
                  levels: [{itemStyle: {borderWidth: 0, gapWidth: 4, borderColor: '#fff'}},
                           {itemStyle: {borderWidth: 3, gapWidth: 2, borderColor: '#dde3ea'}, colorSaturation: [0.35, 0.55]},
                           {itemStyle: {borderWidth: 3, gapWidth: 1, borderColorSaturation: 0.6}, colorSaturation: [0.3, 0.5]},
                           {itemStyle: {borderWidth: 1, gapWidth: 1, borderColorSaturation: 0.7}, colorSaturation: [0.25, 0.5]}]}]
      };
    },

    competitor_matrix: function (v) {
      var applicants = (v.applicants || []).map(function (a) { return shorten(a, 32); });
      var groups = (v.groups || []).map(String);
      var cells = v.cells || [], data = [], max = 0;
      for (var i = 0; i < applicants.length; i++) {
        for (var j = 0; j < groups.length; j++) {
          var c = num((cells[i] || [])[j]);
          max = Math.max(max, c);
          data.push([j, applicants.length - 1 - i, c]);
        }
      }
      return {
        tooltip: {formatter: function (p) {
          var i = applicants.length - 1 - p.value[1];
          return '<b>' + esc((v.applicants || [])[i]) + '</b><br>' + esc(groups[p.value[0]]) + ': ' + esc(p.value[2]);
        }},
        grid: {left: 16, right: 24, top: 16, bottom: 64, containLabel: true},
        xAxis: {type: 'category', data: groups, axisLabel: {rotate: 45, interval: 0}, splitArea: {show: true}},
        yAxis: {type: 'category', data: applicants.slice().reverse(), axisLabel: {interval: 0}, splitArea: {show: true}},
        visualMap: {min: 0, max: Math.max(1, max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0},
        series: [{name: L('patents'), type: 'heatmap', data: data,
                  label: {show: data.length <= 300}, emphasis: {itemStyle: {shadowBlur: 8}}}]
      };
    },

    geography: function (v) {
      var rows = top(rowsOf(v).filter(function (r) { return num(r.count) > 0; }), 'count', 60);
      return flowSankey(rows.map(function (r) { return [String(r.from), String(r.to), num(r.count)]; }),
                        L('from'), L('to'));
    },

    lifecycle: function (v) {
      var rows = rowsOf(v);
      var stage = v && v.stage ? String(v.stage) : '';
      return {
        title: stage ? {text: L('stage') + ': ' + L('stage_' + stage), right: 16, top: 0, textStyle: {fontSize: 14}} : undefined,
        tooltip: {trigger: 'item', formatter: function (p) {
          return esc(L('year')) + ' ' + esc(p.value[2]) + '<br>' + esc(L('patents')) + ': ' + esc(p.value[0]) +
                 '<br>' + esc(L('applicants')) + ': ' + esc(p.value[1]);
        }},
        grid: grid,
        xAxis: {type: 'value', name: L('patents'), scale: true, nameLocation: 'middle', nameGap: 26},
        yAxis: {type: 'value', name: L('applicants'), scale: true, nameTextStyle: yName},
        series: [{type: 'line', name: L('stage'), symbolSize: 9,
                  data: rows.map(function (r) { return [num(r.patents), num(r.applicants), r.year]; }),
                  label: {show: true, position: 'top', formatter: function (p) { return String(p.value[2]); }}}]
      };
    },

    concentration: function (v) {
      var rows = rowsOf(v);
      return {tooltip: {trigger: 'axis', confine: true}, legend: {top: 0}, grid: grid,
              xAxis: {type: 'category', data: rows.map(function (r) { return String(r.year); })},
              yAxis: [{type: 'value', name: 'CR %', min: 0, max: 100, nameTextStyle: yName}, {type: 'value', name: 'HHI', min: 0}],
              series: [
                {name: 'CR4', type: 'line', data: rows.map(function (r) { return +(num(r.cr4) * 100).toFixed(2); })},
                {name: 'CR8', type: 'line', data: rows.map(function (r) { return +(num(r.cr8) * 100).toFixed(2); })},
                {name: 'HHI', type: 'bar', yAxisIndex: 1, itemStyle: {opacity: 0.45},
                 data: rows.map(function (r) { return num(r.hhi); })}]};
    },

    core_patents: function (v) {
      // In rank order (the combined rank), each bar its forward citations.
      return hbar(rowsOf(v).slice(0, 20), 'publication_number', 'forward_citations', L('forward_citations'),
                  ['title', 'rank', 'normalized_citations', 'pagerank', 'reasons'],
                  function (r) { return (r.rank != null ? r.rank + '. ' : '') + r.publication_number; });
    },

    citation_flows: function (v) {
      var rows = top(rowsOf(v).filter(function (r) { return num(r.count) > 0; }), 'count', 50);
      return flowSankey(rows.map(function (r) { return [String(r.citing), String(r.cited), num(r.count)]; }),
                        L('citing'), L('cited'));
    },

    collaboration: function (v) {
      var all = (v.nodes || []).map(function (n, i) { return {n: n, i: i}; });
      var kept = all.slice().sort(function (a, b) { return num(b.n.count) - num(a.n.count) || a.i - b.i; }).slice(0, 150);
      var index = {};
      kept.forEach(function (k, j) { index[k.i] = j; });
      var communities = [];
      kept.forEach(function (k) { if (communities.indexOf(k.n.community) < 0) communities.push(k.n.community); });
      communities.sort(function (a, b) { return num(a) - num(b); });
      var max = Math.max.apply(null, kept.map(function (k) { return num(k.n.count); }).concat([1]));
      var nodes = kept.map(function (k, j) {
        return {name: String(k.n.name), value: num(k.n.count), category: communities.indexOf(k.n.community),
                symbolSize: 6 + 26 * Math.sqrt(num(k.n.count) / max),
                label: {show: j < 12, formatter: function () { return shorten(k.n.name, 28); }}};
      });
      var links = (v.edges || []).filter(function (e) { return e.source in index && e.target in index; })
        .map(function (e) { return {source: index[e.source], target: index[e.target], value: num(e.weight)}; });
      return {tooltip: {confine: true},
              legend: {type: 'scroll', top: 0, data: communities.map(function (c) { return L('community') + ' ' + c; })},
              series: [{type: 'graph', layout: 'force', roam: true, draggable: true, top: 64, bottom: 16,
                        zoom: 0.9, data: nodes, links: links,
                        categories: communities.map(function (c) { return {name: L('community') + ' ' + c}; }),
                        label: {position: 'right', fontSize: 11},
                        force: {repulsion: 100, edgeLength: [25, 90], gravity: 0.1, layoutAnimation: false},
                        lineStyle: {color: 'source', curveness: 0.15, opacity: 0.6},
                        emphasis: {focus: 'adjacency'}}]};
    },

    inventors: function (v) {
      return hbar(rowsOf(v).slice(0, 20), 'name', 'count', L('count'),
                  ['applicants', 'first_year', 'last_year', 'mean_forward_citations']);
    },

    emerging_terms: function (v) {
      var rows = top(rowsOf(v), 'growth', 20);
      return hbar(rows, 'term', 'growth', L('growth'), ['share_a', 'share_b']);
    },

    white_space: function (v) {
      var rows = rowsOf(v);
      var max = Math.max.apply(null, rows.map(function (r) { return num(r.holders); }).concat([1]));
      return {
        tooltip: {formatter: function (p) {
          var r = rows[p.dataIndex];
          return '<b>' + esc(r.group) + '</b><br>' + esc(L('count')) + ': ' + esc(r.count) + '<br>' +
                 esc(L('holders')) + ': ' + esc(r.holders) + '<br>' + esc(L('growth')) + ': ' + pct(r.growth) +
                 (r.reason ? '<br>' + esc(r.reason) : '');
        }},
        grid: grid,
        xAxis: {type: 'value', name: L('count'), scale: true, nameLocation: 'middle', nameGap: 26},
        yAxis: {type: 'value', name: L('growth'), nameTextStyle: yName, axisLabel: {formatter: function (x) { return (x * 100).toFixed(0) + '%'; }}},
        series: [{type: 'scatter', name: L('group'),
                  data: rows.map(function (r) { return [num(r.count), num(r.growth), num(r.holders)]; }),
                  symbolSize: function (d) { return 8 + 30 * Math.sqrt(d[2] / max); },
                  label: {show: rows.length <= 30, position: 'top',
                          formatter: function (p) { return String(rows[p.dataIndex].group); }},
                  itemStyle: {opacity: 0.75}}]
      };
    },

    legal_status: function (v) {
      var years = (v && Array.isArray(v.by_year)) ? v.by_year : [];
      var groups = ['live', 'dead', 'pending', 'unknown'];
      return {tooltip: {trigger: 'item', confine: true}, legend: {top: 0},
              grid: {left: '42%', right: 24, top: 48, bottom: 36, containLabel: true},
              xAxis: {type: 'category', data: years.map(function (r) { return String(r.year); })},
              yAxis: {type: 'value', name: L('patents'), nameTextStyle: yName},
              series: groups.map(function (g) {
                return {name: L(g), type: 'bar', stack: 'groups', emphasis: {focus: 'series'},
                        data: years.map(function (r) { return num(r[g]); })};
              }).concat([{type: 'pie', name: L('state'), center: ['20%', '55%'], radius: ['28%', '50%'],
                          label: {formatter: '{b}: {d}%'},
                          data: rowsOf(v).map(function (r) { return {name: L('state_' + r.state), value: num(r.count)}; })}])};
    },

    members_vs_others: function (v) {
      var rows = rowsOf(v).slice(0, 30);
      return {tooltip: tooltipAxis, legend: {top: 0}, grid: grid,
              xAxis: {type: 'category', data: rows.map(function (r) { return String(r.group); }),
                      axisLabel: {rotate: rows.length > 8 ? 45 : 0, interval: 0}},
              yAxis: [{type: 'value', name: L('patents'), nameTextStyle: yName},
                      {type: 'value', name: L('member_share'), min: 0, max: 100}],
              series: [
                {name: L('members'), type: 'bar', data: rows.map(function (r) { return num(r.members); })},
                {name: L('others'), type: 'bar', data: rows.map(function (r) { return num(r.others); })},
                {name: L('member_share'), type: 'line', yAxisIndex: 1,
                 data: rows.map(function (r) { return +(num(r.member_share) * 100).toFixed(2); })}]};
    }
  };

  // Height for a chart: bar lists grow with their rows.
  function heightFor(name, v) {
    var rows = rowsOf(v);
    if (name === 'top_applicants' || name === 'inventors' || name === 'core_patents' || name === 'emerging_terms')
      return Math.max(320, Math.min(rows.length, 20) * 26 + 90);
    if (name === 'competitor_matrix') return Math.max(360, (v.applicants || []).length * 28 + 140);
    if (name === 'technology' || name === 'collaboration' || name === 'geography' || name === 'citation_flows') return 560;
    return 400;
  }

  // True when the chart's canvas holds visible pixels of more than one colour.
  function painted(chart) {
    var canvas = chart.getDom().querySelector('canvas');
    if (!canvas || !canvas.width || !canvas.height) return false;
    var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    var visible = 0, colours = {}, distinct = 0;
    for (var i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) continue;
      visible++;
      var key = (pixels[i] >> 4) + ',' + (pixels[i + 1] >> 4) + ',' + (pixels[i + 2] >> 4);
      if (!colours[key] && distinct < 16) { colours[key] = true; distinct++; }
    }
    return visible >= pixels.length / 4 / 200 && distinct >= 2;
  }

  function finish(charts) {
    var rendered = 0;
    charts.forEach(function (c) {
      try { if (painted(c)) rendered++; } catch (e) { errors.push('pixel check: ' + e); }
    });
    document.body.setAttribute('data-charts-rendered', String(rendered));
    document.body.setAttribute('data-error-count', String(errors.length));
    document.body.setAttribute('data-errors', errors.join(' | '));
    document.body.setAttribute('data-charts-unfinished', Object.keys(waiting).sort().join(' '));
  }

  var charts = [], pending = 0, done = false, waiting = {};
  function oneFinished() {
    if (--pending === 0 && !done) { done = true; requestAnimationFrame(function () { finish(charts); }); }
  }
  Array.prototype.forEach.call(document.querySelectorAll('div.chart[data-analysis]'), function (div) {
    var name = div.getAttribute('data-analysis');
    var build = builders[name];
    if (!build) { errors.push('no chart for ' + name); return; }
    try {
      var option = build(landscape[name]);
      // A report is a document: charts appear at once, without the entry
      // animation (which also keeps headless rendering and printing
      // reliable; Chromium's virtual time can stall on long animations).
      option.animation = false;
      div.style.height = heightFor(name, landscape[name]) + 'px';
      var chart = echarts.init(div, null, {renderer: 'canvas'});
      charts.push(chart);
      // A chart with no room never draws nor finishes: do not wait for it.
      if (!div.clientWidth || !div.clientHeight) return;
      var finished = false;
      pending++;
      waiting[name] = true;
      chart.on('finished', function () { if (!finished) { finished = true; delete waiting[name]; oneFinished(); } });
      try {
        chart.setOption(option);
      } catch (e) {
        finished = true;
        pending--;
        throw e;
      }
    } catch (e) {
      errors.push(name + ': ' + (e && e.message ? e.message : e));
    }
  });
  if (pending === 0) { done = true; finish(charts); }
  // Charts that never report 'finished' must not leave the page unmarked.
  setTimeout(function () { if (!done) { done = true; finish(charts); } }, 3000);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
