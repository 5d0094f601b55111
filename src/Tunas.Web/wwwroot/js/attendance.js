// Attendance (Training): a tap is stored first on the phone (IndexedDB through Dexie) with the form's client id, shown
// as waiting to be sent, then sent to the API with the antiforgery header; what could not be sent (no connection) is
// sent again when the connection returns (the online event) and on a timer. The API stores each client id once, so a
// mark sent twice counts once. Without this script every button is a plain form post.
(function () {
  'use strict';
  var list = document.querySelector('[data-api]');
  if (!list || !window.fetch) return;
  var api = list.getAttribute('data-api');
  var warning = document.querySelector('[data-field="send-error"]');
  var pendingBox = document.querySelector('[data-field="pending"]');
  var pendingCount = document.querySelector('[data-field="pending-count"]');
  var waitingText = list.getAttribute('data-waiting') || 'menunggu kirim';
  var RETRY_MS = 15000;
  var BATCH = 500;
  var db = null;
  try {
    if (window.Dexie && window.indexedDB) {
      db = new window.Dexie('tunas-attendance');
      db.version(1).stores({ marks: 'clientId, api' });
    }
  } catch (e) { db = null; }
  var memory = []; // when IndexedDB is missing (a private window): kept only while the page is open
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }
  function rowOf(participantId) { return list.querySelector('[data-participant="' + participantId + '"]'); }
  function show(row, status, waiting) {
    if (!row) return;
    row.setAttribute('data-status', status);
    row.setAttribute('data-pending', waiting ? 'true' : 'false');
    row.querySelectorAll('button[name="status"]').forEach(function (b) {
      var on = b.value === status;
      var style = b.className.match(/btn-(?:outline-)?(success|warning|info|danger)/)[1];
      b.classList.toggle('btn-' + style, on);
      b.classList.toggle('btn-outline-' + style, !on);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
    var badge = row.querySelector('[data-field="waiting"]');
    if (waiting && !badge) {
      badge = document.createElement('span');
      badge.className = 'badge text-bg-light border ms-2 small';
      badge.setAttribute('data-field', 'waiting');
      badge.textContent = waitingText;
      row.querySelector('.fw-semibold').appendChild(badge);
    } else if (!waiting && badge) {
      badge.remove();
    }
  }
  function all() {
    return db ? db.marks.where('api').equals(api).toArray() : Promise.resolve(memory.slice());
  }
  function remove(ids) {
    if (db) return db.marks.bulkDelete(ids);
    memory = memory.filter(function (m) { return ids.indexOf(m.clientId) < 0; });
    return Promise.resolve();
  }
  function count() {
    return all().then(function (marks) {
      if (pendingCount) pendingCount.textContent = String(marks.length);
      if (pendingBox) pendingBox.classList.toggle('d-none', marks.length === 0);
      list.setAttribute('data-pending-count', String(marks.length));
      return marks;
    });
  }
  var sending = false;
  function flush() {
    if (sending) return Promise.resolve();
    sending = true;
    return all().then(function (marks) {
      if (marks.length === 0) return;
      var batch = marks.slice(0, BATCH);
      var token = document.querySelector('input[name="__RequestVerificationToken"]');
      return fetch(api, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': token ? token.value : '' },
        body: JSON.stringify(batch.map(function (m) { return { participantId: m.participantId, status: m.status, clientId: m.clientId }; }))
      }).then(function (r) {
        if (r.status >= 500 || r.status === 0) throw new Error(r.status);
        // Refused as a whole (a participant since removed, a sign-in that ended): sending it again would not help.
        if (warning) warning.classList.toggle('d-none', r.ok);
        return remove(batch.map(function (m) { return m.clientId; })).then(function () {
          batch.forEach(function (m) { show(rowOf(m.participantId), m.status, false); });
          if (marks.length > BATCH) { sending = false; return flush(); }
        });
      });
    }).catch(function () {
      if (warning && navigator.onLine) warning.classList.remove('d-none');
    }).then(function () {
      sending = false;
      return count();
    });
  }
  list.addEventListener('click', function (e) {
    var button = e.target.closest('button[name="status"]');
    if (!button) return;
    e.preventDefault();
    var form = button.form;
    var row = form.closest('[data-participant]');
    var clientId = form.elements.clientId;
    var mark = { clientId: clientId.value, api: api, participantId: Number(row.getAttribute('data-participant')), status: button.value, at: Date.now() };
    clientId.value = newId();
    show(row, mark.status, true);
    var stored = db ? db.marks.put(mark) : Promise.resolve(memory.push(mark));
    stored.then(count).then(flush);
  });
  window.addEventListener('online', flush);
  setInterval(flush, RETRY_MS);
  // Marks left from an earlier visit with no connection: shown as waiting, then sent.
  count().then(function (marks) {
    marks.forEach(function (m) { show(rowOf(m.participantId), m.status, true); });
    return flush();
  });
})();
// A reload with no signal: the attendance service worker keeps this page and its files (sw-attendance.js).
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !document.querySelector('[data-api]')) return;
  navigator.serviceWorker.register('/sw-attendance.js', { scope: '/Training/' }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    var urls = [location.pathname];
    document.querySelectorAll('script[src], link[rel="stylesheet"][href]').forEach(function (el) { urls.push(el.getAttribute('src') || el.getAttribute('href')); });
    if (registration.active) registration.active.postMessage({ type: 'keep', urls: urls });
  }).catch(function () { /* no worker: the page still works online and queues marks while open */ });
})();
