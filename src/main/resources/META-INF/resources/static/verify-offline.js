// Offline certificate verification (issue 17 item 4). Everything up to "signature valid" happens
// here, with WebCrypto and the public keys embedded in the page: no request leaves the browser.
// Only then, and only when online, the live state is asked for (暂扣/注销 override the signature).
(function () {
  'use strict';
  const box = document.getElementById('offline-verify');
  if (!box) return;
  const msg = box.dataset;
  const jwks = JSON.parse(document.getElementById('jwks').textContent || '{"keys":[]}');
  const $ = id => document.getElementById(id);

  function b64urlBytes(s) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function b64urlJson(s) {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(b64urlBytes(s)));
  }

  /** {result, vc, kid}: result is valid | expired | not-yet-valid | tampered | unknown-key | malformed */
  async function verify(jwt) {
    const parts = jwt.trim().split('.');
    if (parts.length !== 3) return { result: 'malformed' };
    let header, vc;
    try { header = b64urlJson(parts[0]); vc = b64urlJson(parts[1]); } catch (e) { return { result: 'malformed' }; }
    const jwk = (jwks.keys || []).find(k => k.kid === header.kid);
    if (!jwk || header.alg !== 'ES256') return { result: 'unknown-key', vc: vc, kid: header.kid };
    let ok = false;
    try {
      const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
        { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
      ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, b64urlBytes(parts[2]),
        new TextEncoder().encode(parts[0] + '.' + parts[1]));
    } catch (e) { ok = false; }
    if (!ok) return { result: 'tampered', vc: vc, kid: header.kid };
    const now = Date.now();
    if (vc.validFrom && now < Date.parse(vc.validFrom)) return { result: 'not-yet-valid', vc: vc, kid: header.kid };
    if (vc.validUntil && now > Date.parse(vc.validUntil)) return { result: 'expired', vc: vc, kid: header.kid };
    return { result: 'valid', vc: vc, kid: header.kid };
  }

  const TEXT = { 'valid': 'valid', 'expired': 'expired', 'not-yet-valid': 'notYetValid', 'tampered': 'tampered',
    'unknown-key': 'unknownKey', 'malformed': 'malformed' };

  function show(outcome) {
    $('offline-outcome').hidden = false;
    const r = $('offline-result');
    r.textContent = msg[TEXT[outcome.result]];
    r.dataset.result = outcome.result;
    r.className = 'alert ' + (outcome.result === 'valid' ? 'ok' : 'danger');
    const vc = outcome.result === 'valid' || outcome.result === 'expired' || outcome.result === 'not-yet-valid'
      ? outcome.vc : null; // a tampered credential's claims are not shown as facts
    const s = (vc && vc.credentialSubject) || {};
    $('offline-number').textContent = s.certificateNumber || '';
    $('offline-holder').textContent = s.name || '';
    $('offline-unit').textContent = s.unit || '';
    $('offline-type').textContent = (s.achievement && s.achievement.name) || '';
    $('offline-issuer').textContent = (vc && vc.issuer && vc.issuer.name) || '';
    $('offline-until').textContent = vc && vc.validUntil ? new Date(vc.validUntil).toLocaleDateString('zh-CN') : '';
    $('offline-kid').textContent = outcome.kid || '';
  }

  async function live(outcome) {
    const el = $('live-state');
    el.dataset.state = '';
    if (outcome.result !== 'valid' && outcome.result !== 'expired') { el.textContent = ''; return; }
    const number = outcome.vc.credentialSubject && outcome.vc.credentialSubject.certificateNumber;
    if (!navigator.onLine || !number) { el.dataset.state = 'offline'; el.textContent = msg.liveOffline; return; }
    el.textContent = msg.liveChecking;
    try {
      const r = await fetch('/api/v1/public/credentials/' + encodeURIComponent(number) + '/status',
        { headers: { 'Accept': 'application/json' }, cache: 'no-store' });
      if (!r.ok) throw new Error(String(r.status));
      const state = (await r.json()).state;
      el.dataset.state = state;
      el.textContent = msg['live' + state.charAt(0) + state.slice(1).toLowerCase()] || msg.liveUnknown;
      el.className = 'alert ' + (state === 'VALID' ? 'ok' : 'danger');
      if (state === 'SUSPENDED' || state === 'CANCELLED') {
        // the live state overrides the signed validity
        const res = $('offline-result');
        res.dataset.final = state;
        res.className = 'alert danger';
      }
    } catch (e) {
      el.dataset.state = 'offline';
      el.textContent = msg.liveOffline;
    }
  }

  async function run(jwt) {
    const outcome = await verify(jwt);
    show(outcome);
    await live(outcome);
    box.dataset.done = String(Date.now());
  }

  function fromHash() {
    const m = /[#&]vc=([A-Za-z0-9_\-.]+)/.exec(location.hash);
    if (m) { $('offline-input').value = m[1]; run(m[1]); }
  }
  $('offline-check').addEventListener('click', () => run($('offline-input').value));
  window.addEventListener('hashchange', fromHash);
  fromHash();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/verify/offline/sw.js', { scope: '/verify/' }).catch(() => {});
  }
})();
