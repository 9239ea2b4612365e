// Lesson player: resume, progress heartbeats, and no seeking past the furthest point watched
// (unless the server allows it). The server checks every heartbeat again; this only keeps the
// page honest and friendly.
(function () {
  var section = document.getElementById('lesson');
  var video = document.getElementById('player');
  if (!section || !video) { return; }
  var lessonId = section.dataset.lesson;
  var furthest = parseFloat(section.dataset.furthest) || 0;
  var resumeAt = parseFloat(section.dataset.position) || 0;
  var allowSeek = section.dataset.seek === 'true';
  var every = (parseInt(section.dataset.heartbeat, 10) || 10) * 1000;
  var tokenTag = document.querySelector('meta[name="csrf-token"]');
  var token = tokenTag ? tokenTag.content : '';
  var note = document.getElementById('player-note');

  video.addEventListener('loadedmetadata', function () {
    if (resumeAt > 0 && resumeAt < video.duration) { video.currentTime = resumeAt; }
  });
  video.addEventListener('timeupdate', function () {
    if (!video.seeking && video.currentTime > furthest && video.currentTime - furthest < 3) {
      furthest = video.currentTime;
    }
  });
  video.addEventListener('seeking', function () {
    if (!allowSeek && video.currentTime > furthest + 1) {
      video.currentTime = furthest;
      if (note) { note.classList.add('warn-text'); }
    }
  });

  function send(keepalive) {
    var body = JSON.stringify({ position: video.currentTime, duration: isFinite(video.duration) ? video.duration : null });
    return fetch('/api/v1/learning/lessons/' + lessonId + '/heartbeat', {
      method: 'POST', credentials: 'same-origin', keepalive: !!keepalive,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token }, body: body
    }).then(function (r) {
      return r.json().then(function (j) {
        if (r.ok) {
          furthest = Math.max(furthest, j.furthestSeconds);
          section.dataset.saved = String(j.positionSeconds);
          if (j.lessonCompleted && !document.getElementById('lesson-done')) {
            document.getElementById('lesson-status').innerHTML = '<span class="tag ok-tag" id="lesson-done">✓</span>';
          }
        } else if (r.status === 409) {
          video.currentTime = furthest;
        }
      });
    }).catch(function () { /* offline: the next heartbeat carries the position */ });
  }
  setInterval(function () { if (!video.paused) { send(false); } }, every);
  video.addEventListener('pause', function () { send(false); });
  video.addEventListener('ended', function () { send(false); });
  window.addEventListener('pagehide', function () { send(true); });
})();
