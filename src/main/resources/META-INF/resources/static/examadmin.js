// 考试管理 pages: blueprint rows and running total, the live monitor, grading drafts saved as the grader types.
(function () {
  'use strict';
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

  // --- blueprint builder: add/remove section rows, running total ---
  var rows = document.getElementById('section-rows');
  if (rows) {
    var num = function (v) { var n = parseFloat(String(v || '').trim()); return isNaN(n) ? 0 : n; };
    var fmt = function (n) { return String(Math.round(n * 100) / 100); };
    var recount = function () {
      var total = 0;
      var list = rows.querySelectorAll('[data-row]');
      Array.prototype.forEach.call(list, function (row, i) {
        var sub = num(row.querySelector('[data-count]').value) * num(row.querySelector('[data-points]').value);
        if (!row.querySelector('[data-type]').value) { sub = 0; }
        row.querySelector('[data-subtotal]').textContent = fmt(sub);
        var legend = row.querySelector('legend');
        legend.textContent = legend.textContent.replace(/\d+/, String(i + 1));
        total += sub;
      });
      document.getElementById('running-total').textContent = fmt(total);
    };
    var wire = function (row) {
      var remove = row.querySelector('[data-remove]');
      remove.hidden = false;
      remove.addEventListener('click', function () {
        if (rows.querySelectorAll('[data-row]').length > 1) { row.remove(); recount(); }
      });
    };
    Array.prototype.forEach.call(rows.querySelectorAll('[data-row]'), wire);
    rows.addEventListener('input', recount);
    rows.addEventListener('change', recount);
    var add = document.getElementById('add-section');
    add.hidden = false;
    add.addEventListener('click', function () {
      var list = rows.querySelectorAll('[data-row]');
      var copy = list[list.length - 1].cloneNode(true);
      copy.classList.remove('xa-row-error');
      var err = copy.querySelector('.xa-shortfall');
      if (err) { err.remove(); }
      Array.prototype.forEach.call(copy.querySelectorAll('input, select'), function (el) {
        if (el.name === 's_dmin') { el.value = '1'; } else if (el.name === 's_dmax') { el.value = '5'; } else { el.value = ''; }
      });
      rows.appendChild(copy);
      wire(copy);
      recount();
    });
    recount();
  }

  // --- live monitor: refresh the counters and the running attempts every 10 s ---
  var monitor = document.getElementById('monitor');
  if (monitor) {
    var timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    var show = function (iso) { return iso ? timeFmt.format(new Date(iso)).replace(/\//g, '-') : '—'; };
    var cell = function (tr, text, cls) { var td = document.createElement('td'); td.textContent = text; if (cls) { td.className = cls; } tr.appendChild(td); };
    var refresh = function () {
      fetch('/api/v1/exams/' + monitor.dataset.exam + '/monitor', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (m) {
          document.getElementById('m-eligible').textContent = m.eligible;
          document.getElementById('m-started').textContent = m.started;
          document.getElementById('m-answering').textContent = m.answering;
          document.getElementById('m-submitted').textContent = m.submitted;
          document.getElementById('m-awaiting').textContent = m.awaitingGrading;
          var body = document.getElementById('running-body');
          body.textContent = '';
          m.running.forEach(function (a) {
            var tr = document.createElement('tr');
            cell(tr, a.name); cell(tr, a.employeeNo); cell(tr, show(a.startedAt)); cell(tr, show(a.deadline));
            cell(tr, a.answered + '/' + a.items); cell(tr, a.device, 'mono');
            body.appendChild(tr);
          });
          document.getElementById('running-empty').hidden = m.running.length > 0;
          document.getElementById('monitor-offline').hidden = true;
          document.getElementById('monitor-updated').textContent = show(new Date().toISOString());
        })
        .catch(function () { document.getElementById('monitor-offline').hidden = false; });
    };
    document.getElementById('monitor-updated').textContent = show(new Date().toISOString());
    setInterval(refresh, 10000);
  }

  // --- grading: save the score and comment as a draft while the grader types ---
  var form = document.getElementById('grade-form');
  if (form && form.dataset.api && document.getElementById('complete')) {
    var state = document.getElementById('save-state');
    var text = function (id) { return document.getElementById(id).textContent; };
    var timer = null;
    var save = function () {
      var raw = document.getElementById('score').value.trim();
      var score = raw === '' ? null : Number(raw);
      if (raw !== '' && isNaN(score)) { return; }
      state.className = 'muted';
      state.textContent = text('msg-saving');
      fetch(form.dataset.api, {
        method: 'PUT', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-TOKEN': token },
        body: JSON.stringify({ score: score, comment: document.getElementById('comment').value, complete: false })
      }).then(function (r) {
        if (r.ok) { state.className = 'ok'; state.textContent = '✓ ' + text('msg-saved'); return; }
        return r.json().then(function (p) { throw new Error(p.detail || r.status); });
      }).catch(function (e) { state.className = 'err'; state.textContent = text('msg-save-failed') + ' ' + e.message; });
    };
    form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(save, 800); });
  }
})();
