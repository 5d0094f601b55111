// The trainer's check-in screen: asks every few seconds who has checked in (a small JSON), and fetches a new QR when
// its 30-second window has turned, so the code on the screen is always one a phone can still use.
(function () {
  'use strict';
  var box = document.querySelector('[data-live]');
  if (!box || !window.fetch) return;
  var win = box.getAttribute('data-window');
  var qr = box.querySelector('[data-field="qr"]');
  function list(field, people) {
    var ul = box.querySelector('[data-field="' + field + '"]');
    ul.textContent = '';
    people.forEach(function (p) {
      var li = document.createElement('li');
      li.setAttribute('data-participant', p.participantId);
      li.textContent = p.fullName;
      ul.appendChild(li);
    });
  }
  function poll() {
    fetch(box.getAttribute('data-live'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (live) {
        list('checked-in', live.checkedIn);
        list('waiting', live.waiting);
        box.querySelector('[data-field="in-count"]').textContent = live.checkedIn.length;
        box.querySelector('[data-field="out-count"]').textContent = live.waiting.length;
        if (String(live.window) !== win) {
          win = String(live.window);
          return fetch(box.getAttribute('data-qr'), { credentials: 'same-origin' })
            .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
            .then(function (svg) { qr.innerHTML = svg; box.setAttribute('data-window', win); });
        }
      })
      .catch(function () { /* the next poll tries again */ });
  }
  setInterval(poll, 3000);
})();
