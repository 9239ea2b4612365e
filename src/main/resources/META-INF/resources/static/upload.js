// Uploads a lesson's media to the object store with a progress bar, then keeps its id in the form.
(function () {
  var input = document.getElementById('media-file');
  if (!input) { return; }
  var bar = document.getElementById('upload-progress');
  var status = document.getElementById('media-status');
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  input.addEventListener('change', function () {
    if (!input.files.length) { return; }
    var data = new FormData();
    data.append('file', input.files[0]);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/media');
    xhr.setRequestHeader('X-CSRF-TOKEN', token);
    bar.hidden = false;
    bar.value = 0;
    xhr.upload.onprogress = function (e) { if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); } };
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status === 201) {
        document.getElementById('mediaId').value = body.id;
        status.textContent = '✓ ' + body.filename;
        bar.value = 100;
      } else {
        status.textContent = '✗ ' + (body.detail || xhr.status);
      }
    };
    xhr.onerror = function () { status.textContent = '✗'; };
    xhr.send(data);
  });
})();
