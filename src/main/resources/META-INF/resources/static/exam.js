// The exam page. The server is the authority: it stores every answer, keeps the deadline and
// decides what is late. This script saves each answer as it changes (with a sequence number so
// an older save never overwrites a newer one), keeps unsent answers in localStorage and resends
// them when the network returns, shows the server's countdown, and asks before taking over from
// another device.
(function () {
  'use strict';
  var tokenTag = document.querySelector('meta[name="csrf-token"]');
  var token = tokenTag ? tokenTag.content : '';

  function deviceId() {
    var id = localStorage.getItem('academy-device');
    if (!id) {
      id = (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
        : 'd' + Date.now().toString(36) + Math.random().toString(36).slice(2);
      localStorage.setItem('academy-device', id);
    }
    return id;
  }
  var DEVICE = deviceId();

  function api(method, url, body) {
    var headers = { 'X-Device-Id': DEVICE, 'X-CSRF-TOKEN': token, 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, { method: method, credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (t) {
          var j = null;
          try { j = t ? JSON.parse(t) : null; } catch (e) { j = null; }
          var ra = parseInt(r.headers.get('Retry-After'), 10);
          return { status: r.status, ok: r.ok, body: j, retryAfter: isNaN(ra) ? null : ra };
        });
      });
  }

  // Admission control (issue 11): a saturated node answers 503 with a short Retry-After; so may
  // the load balancer while a node restarts. The page waits quietly and tries again.
  function busy(r) { return r.status === 503 || r.status === 502 || r.status === 504; }
  function busyDelay(r) {
    if (r && r.body && r.body.retryAfterMs) { return r.body.retryAfterMs; }
    var base = r && r.retryAfter !== null && r.retryAfter !== undefined ? r.retryAfter * 1000 : 1000;
    return base + Math.floor(Math.random() * 1000);
  }

  // --- the start button on the introduction page, and the lobby that presses it at the bell ---
  var startButton = document.getElementById('start');
  if (startButton) {
    var startWait = document.getElementById('start-wait');
    var entering = function () {
      startButton.disabled = true;
      startButton.textContent = startButton.dataset.entering;
      startWait.hidden = false;
    };
    var enter = function () {
      startButton.disabled = true;
      startButton.textContent = startButton.dataset.starting;
      api('POST', '/api/v1/my/exams/' + startButton.dataset.exam + '/attempts').then(function (r) {
        if (r.status === 201 || r.status === 200) {
          // hand the paper to the exam page so it need not be built and sent twice
          try { sessionStorage.setItem('academy-paper-' + r.body.attemptId, JSON.stringify(r.body)); } catch (e) { /* full */ }
          location.href = '/attempts/' + r.body.attemptId;
        } else if (busy(r) || (r.status === 409 && startButton.dataset.lobby && r.body && r.body.errors
            && r.body.errors[0] && r.body.errors[0].field === 'opensAt')) {
          // saturated, or our clock ran a little ahead of the server's: wait and try again
          entering();
          setTimeout(enter, busyDelay(r));
        } else {
          var e = document.getElementById('start-error');
          e.textContent = (r.body && r.body.detail) || r.status;
          e.hidden = false;
          startWait.hidden = true;
          startButton.disabled = false;
        }
      }, function () { entering(); setTimeout(enter, 2000 + Math.floor(Math.random() * 1000)); });
    };
    startButton.addEventListener('click', enter);
    var lobby = document.getElementById('lobby');
    if (lobby) {
      // the countdown runs on the server's clock; at the bell every waiting page starts within
      // about a second (random spread), not all in the same millisecond
      var skew = parseInt(lobby.dataset.now, 10) - Date.now();
      var opens = parseInt(lobby.dataset.opens, 10);
      var pad2 = function (n) { return (n < 10 ? '0' : '') + n; };
      var countdown = function () {
        var left = opens - (Date.now() + skew);
        var s = Math.max(0, Math.ceil(left / 1000));
        var h = Math.floor(s / 3600);
        document.getElementById('lobby-clock').textContent = (h > 0 ? h + ':' : '') + pad2(Math.floor(s % 3600 / 60)) + ':' + pad2(s % 60);
        if (left <= 0) {
          entering();
          setTimeout(enter, Math.floor(Math.random() * 1000));
          return;
        }
        setTimeout(countdown, Math.min(1000, Math.max(20, left)));
      };
      countdown();
    }
    return;
  }

  var app = document.getElementById('exam-app');
  if (!app) { return; }
  var attemptId = app.dataset.attempt;
  var t = app.dataset;

  // the type's name in the page's language (data-t-type-true-false for TRUE_FALSE); the shared
  // question document carries the word the question files write
  function typeName(q) {
    var key = 'tType' + String(q.type || '').toLowerCase().replace(/(^|_)([a-z])/g, function (m, sep, c) {
      return c.toUpperCase();
    });
    return t[key] || q.typeLabel;
  }
  var QUEUE_KEY = 'academy-exam-queue-' + attemptId;
  var paper = null;
  var offset = 0;          // server time - local time, ms
  var deadline = 0;        // server ms
  var grace = 60000;
  var maxSeq = 0;
  var queue = loadQueue(); // position -> {seq, answer, flagged}
  var inFlight = {};
  var stopped = false;
  var submitting = false;
  var retryTimer = null;
  var el = function (id) { return document.getElementById(id); };

  function loadQueue() {
    try { return JSON.parse(localStorage.getItem(QUEUE_KEY)) || {}; } catch (e) { return {}; }
  }
  function storeQueue() {
    if (Object.keys(queue).length === 0) { localStorage.removeItem(QUEUE_KEY); } else { localStorage.setItem(QUEUE_KEY, JSON.stringify(queue)); }
    var n = Object.keys(queue).length;
    var p = el('pending');
    p.hidden = n === 0 || navigator.onLine === false;
    p.textContent = t.tRetrying.replace('999999', n);
  }
  function nextSeq() {
    maxSeq = Math.max(maxSeq + 1, Date.now());
    return maxSeq;
  }
  function message(text) {
    var m = el('exam-message');
    m.textContent = text;
    m.hidden = !text;
  }
  function stop(text) {
    stopped = true;
    message(text);
    Array.prototype.forEach.call(document.querySelectorAll('#questions input, #questions textarea'), function (i) { i.disabled = true; });
    el('submit').disabled = true;
  }

  function entering() {
    var l = el('loading');
    l.textContent = t.tEntering;
    l.hidden = false;
  }

  function load() {
    var handed = null;
    try {
      handed = JSON.parse(sessionStorage.getItem('academy-paper-' + attemptId));
      sessionStorage.removeItem('academy-paper-' + attemptId);
    } catch (e) { handed = null; }
    if (handed && handed.items && Date.now() - Date.parse(handed.serverNow) < 60000) { withQuestions(handed); return; }
    api('GET', '/api/v1/attempts/' + attemptId).then(function (r) {
      if (busy(r)) { entering(); setTimeout(load, busyDelay(r)); return; }
      if (r.status === 409 && r.body && r.body.title === 'Device takeover required') {
        el('loading').hidden = true;
        el('takeover').hidden = false;
        return;
      }
      if (!r.ok) { message((r.body && r.body.detail) || t.tError); return; }
      withQuestions(r.body);
    }, function () { entering(); setTimeout(load, 3000); });
  }

  // The exam's question texts come once per exam, cached by the browser (ETag, long max-age);
  // the paper itself carries only order, option permutation, answers and deadline.
  function withQuestions(p) {
    api('GET', '/api/v1/my/exams/' + p.examId + '/questions').then(function (r) {
      if (busy(r)) { entering(); setTimeout(function () { withQuestions(p); }, busyDelay(r)); return; }
      if (!r.ok) { message((r.body && r.body.detail) || t.tError); return; }
      var byId = {};
      r.body.questions.forEach(function (q) { byId[q.id] = q; });
      p.items.forEach(function (item) {
        var q = byId[item.question] || { stemHtml: '', type: '', typeLabel: '', options: [] };
        item.stemHtml = q.stemHtml;
        item.typeLabel = typeName(q);
        item.options = (item.order || []).map(function (i) { return q.options[i]; });
      });
      render(p);
    }, function () { entering(); setTimeout(function () { withQuestions(p); }, 3000); });
  }
  el('takeover-button').addEventListener('click', function () {
    api('POST', '/api/v1/attempts/' + attemptId + '/takeover').then(function (r) {
      if (r.ok) { el('takeover').hidden = true; withQuestions(r.body); } else { message((r.body && r.body.detail) || t.tError); }
    });
  });

  function clock(p) {
    offset = Date.parse(p.serverNow) - Date.now();
    deadline = Date.parse(p.deadline);
    if (p.graceSeconds !== undefined) { grace = p.graceSeconds * 1000; }
  }

  function render(p) {
    paper = p;
    clock(p);
    el('loading').hidden = true;
    if (p.status !== 'IN_PROGRESS') { location.href = '/attempts/' + attemptId + '/result'; return; }
    var box = el('questions');
    var nav = el('navigator');
    box.innerHTML = '';
    nav.innerHTML = '';
    p.items.forEach(function (item) {
      maxSeq = Math.max(maxSeq, item.seq);
      var pending = queue[item.position];
      if (pending && pending.seq > item.seq) { item.answer = pending.answer; item.flagged = pending.flagged; }
      box.appendChild(question(item));
      var a = document.createElement('a');
      a.href = '#q' + item.position;
      a.id = 'nav-' + item.position;
      a.textContent = item.position;
      nav.appendChild(a);
      mark(item.position);
    });
    el('navigator-box').hidden = false;
    el('submit-row').hidden = false;
    flush();
    tick();
  }

  function question(item) {
    var card = document.createElement('section');
    card.className = 'card question';
    card.id = 'q' + item.position;
    card.dataset.position = item.position;
    var head = document.createElement('p');
    head.className = 'muted small qhead';
    head.innerHTML = '<strong>' + item.position + '.</strong> ' + item.typeLabel + ' · ' + t.tPoints.replace('999999', item.points)
      + ' <span class="save-mark" id="mark-' + item.position + '"></span>';
    card.appendChild(head);
    var stem = document.createElement('div');
    stem.className = 'stem';
    stem.innerHTML = item.stemHtml; // sanitised on the server
    card.appendChild(stem);
    var name = 'a' + item.position;
    var answer = item.answer || [];
    if (item.type === 'SINGLE' || item.type === 'MULTIPLE' || item.type === 'TRUE_FALSE') {
      var options = item.type === 'TRUE_FALSE' ? [t.tTrue, t.tFalse] : item.options;
      var values = item.type === 'TRUE_FALSE' ? ['1', '0'] : options.map(function (o, i) { return String(i); });
      var list = document.createElement('div');
      list.className = 'options';
      options.forEach(function (text, i) {
        var label = document.createElement('label');
        label.className = 'option';
        var input = document.createElement('input');
        input.type = item.type === 'MULTIPLE' ? 'checkbox' : 'radio';
        input.name = name;
        input.value = values[i];
        input.id = name + '-' + values[i];
        input.checked = answer.indexOf(values[i]) >= 0;
        input.addEventListener('change', function () { changed(item.position); });
        label.appendChild(input);
        var span = document.createElement('span');
        span.textContent = (item.type === 'TRUE_FALSE' ? '' : String.fromCharCode(65 + i) + '. ') + text;
        label.appendChild(span);
        list.appendChild(label);
      });
      card.appendChild(list);
    } else {
      var field = document.createElement(item.type === 'FILL' ? 'input' : 'textarea');
      field.name = name;
      field.id = name + '-text';
      if (item.type === 'FILL') { field.type = 'text'; } else { field.rows = 8; }
      field.placeholder = item.type === 'FILL' ? t.tFill : t.tCase;
      field.value = answer[0] || '';
      var timer = null;
      field.addEventListener('input', function () {
        clearTimeout(timer);
        setMark(item.position, t.tUnsaved, 'unsaved');
        timer = setTimeout(function () { changed(item.position); }, 800);
      });
      field.addEventListener('blur', function () { clearTimeout(timer); changed(item.position); });
      card.appendChild(field);
    }
    var flag = document.createElement('label');
    flag.className = 'flag small';
    var box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'flag-' + item.position;
    box.checked = !!item.flagged;
    box.addEventListener('change', function () { changed(item.position); });
    flag.appendChild(box);
    flag.appendChild(document.createTextNode(' ' + t.tFlag));
    card.appendChild(flag);
    return card;
  }

  function current(position) {
    var card = el('q' + position);
    var inputs = card.querySelectorAll('input[name="a' + position + '"]');
    var answer = [];
    var text = card.querySelector('#a' + position + '-text');
    if (text) {
      if (text.value.trim() !== '') { answer.push(text.value); }
    } else {
      Array.prototype.forEach.call(inputs, function (i) { if (i.checked) { answer.push(i.value); } });
    }
    return { answer: answer, flagged: el('flag-' + position).checked };
  }

  function changed(position) {
    if (stopped) { return; }
    var c = current(position);
    queue[position] = { seq: nextSeq(), answer: c.answer, flagged: c.flagged };
    storeQueue();
    mark(position);
    send(position);
  }

  function answered(position) {
    var c = current(position);
    return c.answer.length > 0;
  }

  function setMark(position, text, cls) {
    var m = el('mark-' + position);
    if (m) { m.textContent = text; m.className = 'save-mark ' + cls; }
  }

  function mark(position) {
    var nav = el('nav-' + position);
    var pending = queue[position];
    if (pending) {
      setMark(position, inFlight[position] ? t.tSaving : t.tUnsaved, 'unsaved');
    } else if (answered(position)) {
      setMark(position, t.tSaved, 'saved');
    } else {
      setMark(position, '', '');
    }
    if (nav) {
      nav.className = (answered(position) ? 'answered ' : '') + (el('flag-' + position).checked ? 'flagged ' : '')
        + (pending ? 'pending' : '');
    }
  }

  function send(position) {
    var item = queue[position];
    if (!item || inFlight[position] || stopped) { return; }
    inFlight[position] = item.seq;
    mark(position);
    api('PUT', '/api/v1/attempts/' + attemptId + '/answers/' + position, item).then(function (r) {
      delete inFlight[position];
      if (r.ok) {
        online(true);
        if (queue[position] && queue[position].seq <= r.body.seq) { delete queue[position]; }
        if (r.body.deadline) { clock(r.body); }
        storeQueue();
        mark(position);
        if (queue[position]) { send(position); }
        return;
      }
      if (r.status === 409 && r.body) {
        if (r.body.title === 'Device replaced') { stop(t.tReplaced); return; }
        if (r.body.title === 'Already submitted') { stop(t.tSubmitted); location.href = '/attempts/' + attemptId + '/result'; return; }
        if (r.body.title === 'Time is up') { delete queue[position]; storeQueue(); stop(r.body.detail); return; }
      }
      if (busy(r)) { retryLater(busyDelay(r)); return; }
      if (r.status === 401 || r.status === 403) { message(t.tError); retryLater(); return; }
      if (r.status >= 400 && r.status < 500) { delete queue[position]; storeQueue(); message((r.body && r.body.detail) || t.tError); mark(position); return; }
      retryLater();
    }, function () {
      delete inFlight[position];
      online(false);
      mark(position);
      retryLater();
    });
  }

  function flush() {
    Object.keys(queue).forEach(function (p) { send(p); });
  }
  function retryLater(ms) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, ms || 3000);
  }
  function online(yes) {
    el('offline').hidden = yes;
    storeQueue();
  }
  window.addEventListener('online', function () { online(true); flush(); });
  window.addEventListener('offline', function () { online(false); });

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function tick() {
    if (!paper) { return; }
    var left = deadline - (Date.now() + offset);
    var s = Math.max(0, Math.floor(left / 1000));
    var h = Math.floor(s / 3600);
    el('clock').textContent = (h > 0 ? h + ':' : '') + pad(Math.floor(s % 3600 / 60)) + ':' + pad(s % 60);
    el('clock').className = s < 300 ? 'warn-text' : '';
    if (left <= 0 && !stopped && !submitting) {
      stop(t.tTimeup);
      finish();
      return;
    }
    setTimeout(tick, 1000);
  }

  // Poll: a deadline changed by an override arrives here; so does a takeover by another device.
  setInterval(function () {
    if (!paper || stopped) { return; }
    api('GET', '/api/v1/attempts/' + attemptId + '/status').then(function (r) {
      if (!r.ok) { return; }
      clock(r.body);
      if (r.body.status !== 'IN_PROGRESS') { location.href = '/attempts/' + attemptId + '/result'; return; }
      if (!r.body.thisDeviceHolds) { stop(t.tReplaced); }
    }, function () { online(false); });
  }, 30000);

  /** Sends what is queued (within the grace period), then submits. */
  function finish() {
    submitting = true;
    var waited = 0;
    (function waitForQueue() {
      stopped = false; // let queued saves go out
      flush();
      stopped = true;
      if (Object.keys(queue).length > 0 && waited < grace - 5000) {
        waited += 1000;
        setTimeout(waitForQueue, 1000);
        return;
      }
      api('POST', '/api/v1/attempts/' + attemptId + '/submit').then(function (r) {
        if (r.ok) { localStorage.removeItem(QUEUE_KEY); location.href = '/attempts/' + attemptId + '/result'; }
        // a saturated node (the submit gate, issue 11) or the balancer: wait quietly, try again
        else if (busy(r)) { setTimeout(finish, busyDelay(r)); }
        else { submitting = false; message((r.body && r.body.detail) || t.tError); }
      }, function () { submitting = false; online(false); setTimeout(finish, 3000); });
    })();
  }

  el('submit').addEventListener('click', function () {
    if (!paper) { return; }
    var unanswered = paper.items.filter(function (i) { return !answered(i.position); }).length;
    // 交卷 cannot be undone: always ask, and name the questions still flagged for review
    var flagged = paper.items.filter(function (i) { var b = el('flag-' + i.position); return b && b.checked; })
      .map(function (i) { return i.position; });
    var b = el('submit').dataset;
    var ask = (flagged.length ? b.flagged.replace('999999', flagged.join(b.sep)) + '\n' : '')
      + (unanswered > 0 ? t.tConfirm.replace('999999', unanswered) : b.confirm);
    if (!confirm(ask)) { return; }
    el('submit').disabled = true;
    finish();
  });

  load();
})();
