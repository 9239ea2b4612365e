// Small page helpers of issue 13 (no inline scripts: the CSP forbids them).
// <input type="search" data-filter="#list">: hides the labels of #list whose data-text does not
// contain what was typed (case-insensitive); an element #<list id minus "-picks">-none shows when
// nothing matches. Checked boxes stay visible so a choice is never hidden.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-filter]').forEach(function (box) {
    var list = document.querySelector(box.getAttribute('data-filter'));
    if (!list) { return; }
    var none = document.getElementById(list.id.replace(/-picks$/, '') + '-none');
    box.addEventListener('input', function () {
      var q = box.value.trim().toLowerCase();
      var shown = 0;
      list.querySelectorAll('label[data-text]').forEach(function (l) {
        var cb = l.querySelector('input');
        var match = !q || l.getAttribute('data-text').toLowerCase().indexOf(q) >= 0 || (cb && cb.checked);
        l.hidden = !match;
        if (match) { shown++; }
      });
      if (none) { none.hidden = shown > 0; }
    });
  });
});

// <input data-people-search="#datalist">: as a name or 工号 is typed, offers up to 8 people in the
// user's scope (from /api/v1/people?q=) as datalist options whose value is the 工号.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-people-search]').forEach(function (box) {
    var list = document.querySelector(box.getAttribute('data-people-search'));
    if (!list) { return; }
    var timer = null;
    var last = '';
    box.addEventListener('input', function () {
      var q = box.value.trim();
      if (q === last || q.length < 1) { return; }
      last = q;
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch('/api/v1/people?size=8&q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (page) {
            list.textContent = '';
            (page.items || page.content || []).forEach(function (p) {
              var o = document.createElement('option');
              o.value = p.employeeNo;
              o.label = p.name + ' · ' + (p.unit ? p.unit.name : '');
              o.textContent = o.label;
              list.appendChild(o);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 250);
    });
  });
});

// <form data-type-select="#type">: blocks with data-show-for="A B" show only while the select's
// value is one of A, B (fields per question or lesson type). Without script everything shows.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-type-select]').forEach(function (form) {
    var select = form.querySelector(form.getAttribute('data-type-select'));
    if (!select) { return; }
    function apply() {
      form.querySelectorAll('[data-show-for]').forEach(function (b) {
        b.hidden = b.getAttribute('data-show-for').split(' ').indexOf(select.value) < 0;
      });
    }
    select.addEventListener('change', apply);
    apply();
  });
});

// Lesson editor: a chosen video fills the duration (whole minutes, rounded up) from its length.
document.addEventListener('DOMContentLoaded', function () {
  var file = document.getElementById('media-file');
  var minutes = document.getElementById('durationMinutes');
  var note = document.getElementById('duration-from-video');
  if (!file || !minutes) { return; }
  file.addEventListener('change', function () {
    var f = file.files && file.files[0];
    if (!f || f.type.indexOf('video/') !== 0) { return; }
    var v = document.createElement('video');
    v.preload = 'metadata';
    v.onloadedmetadata = function () {
      URL.revokeObjectURL(v.src);
      if (isFinite(v.duration) && v.duration > 0) {
        var m = Math.max(1, Math.min(120, Math.ceil(v.duration / 60)));
        minutes.value = m;
        if (note) { note.textContent = note.getAttribute('data-template').replace('0', String(m)); note.hidden = false; }
      }
    };
    v.src = URL.createObjectURL(f);
  });
});

// <select data-matters-for="#unit" data-other="#block">: when the chosen unit is a town
// (data-town="1") that holds matters of the catalogue, offers only the matters it holds
// (data-towns lists the ids of the towns holding each) and hides the "outside the catalogue"
// block; for other units every matter and the block are shown. The server checks the same.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select[data-matters-for]').forEach(function (sel) {
    var unit = document.querySelector(sel.getAttribute('data-matters-for'));
    var other = document.querySelector(sel.getAttribute('data-other'));
    if (!unit) { return; }
    function holds(o, town) {
      return (' ' + (o.getAttribute('data-towns') || '') + ' ').indexOf(' ' + town + ' ') >= 0;
    }
    function apply() {
      var opt = unit.options[unit.selectedIndex];
      var town = opt && opt.getAttribute('data-town') === '1' ? opt.value : null;
      var options = Array.prototype.slice.call(sel.options).filter(function (o) { return o.value; });
      var any = !!town && options.some(function (o) { return holds(o, town); });
      options.forEach(function (o) {
        var hide = any && !holds(o, town);
        o.hidden = hide;
        o.disabled = hide;
        if (hide && o.selected) { sel.value = ''; }
      });
      if (other) { other.hidden = any; }
    }
    unit.addEventListener('change', apply);
    apply();
  });
});

// <form data-confirm="…">: an irreversible action asks before it is sent (no inline handlers: CSP).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
});
