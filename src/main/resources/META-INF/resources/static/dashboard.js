// Draws each dashboard panel's chart from the data attributes of its .chart element (the
// table next to it holds the same numbers); redraws on resize so phones get a fitting chart.
(function () {
  // the year picker submits on change (no inline handler: the Content-Security-Policy forbids them)
  document.querySelectorAll('select[data-autosubmit]').forEach(function (sel) {
    sel.addEventListener('change', function () { sel.form.submit(); });
  });
  if (typeof echarts === 'undefined') { return; }
  var charts = [];
  document.querySelectorAll('.chart').forEach(function (el) {
    var labels = JSON.parse(el.dataset.labels || '[]');
    var values = JSON.parse(el.dataset.values || '[]').map(Number);
    // nothing to draw: say so instead of an empty chart (a 0 % rate is data and is drawn)
    if (values.length === 0) {
      var empty = document.createElement('p');
      empty.className = 'chart-empty';
      empty.id = el.id.replace(/^chart-/, 'empty-');
      empty.textContent = el.dataset.empty || '';
      el.replaceWith(empty);
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var option;
    if (el.dataset.type === 'line') {
      // the trend: years along the bottom, rates on a fixed 0–100 % axis, a year without data
      // is a gap (null), never 0; the legend sits below the plot so it wraps on a phone
      var lines = JSON.parse(el.dataset.lines || '[]');
      option = {
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
        legend: { bottom: 0, itemGap: 12, textStyle: { fontSize: 12 } },
        grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
        xAxis: { type: 'category', data: labels, boundaryGap: false },
        yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%' } },
        color: ['#1f4e8c', '#c2410c'],
        series: lines.map(function (s) {
          return { type: 'line', name: s.name.replace(/%$/, ''), data: s.values, connectNulls: false,
            symbolSize: 8, label: { show: true, formatter: '{c}%', fontSize: 11 } };
        })
      };
    } else if (el.dataset.type === 'pie') {
      option = {
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '65%'], name: el.dataset.series,
          data: labels.map(function (l, i) { return { name: l, value: values[i] }; }) }]
      };
    } else {
      option = {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        // rates on a fixed 0–100 % axis, counts with integer ticks; long labels wrap (full text in the tooltip)
        xAxis: el.dataset.axis === 'percent'
          ? { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%' } }
          : { type: 'value', min: 0, minInterval: 1 },
        yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 110, overflow: 'break' } },
        series: [{ type: 'bar', name: el.dataset.series, data: values, itemStyle: { color: '#1f4e8c' } }]
      };
    }
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
