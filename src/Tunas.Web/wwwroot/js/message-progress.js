// While the system sends (Messages list), ask the API how far it got and update the line; without JS the page's refresh link does it.
(function () {
  'use strict';
  var box = document.getElementById('send-progress');
  if (!box || box.getAttribute('data-done') === 'true') return;
  var program = box.getAttribute('data-program');
  var url = '/api/v1/messages/progress' + (program ? '?programId=' + encodeURIComponent(program) : '');
  var summary = box.querySelector('[data-field="summary"]');
  var template = box.getAttribute('data-template');
  function number(n) { return Number(n).toLocaleString(document.documentElement.lang || 'id-ID'); }
  function poll() {
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (p) {
        summary.textContent = template.replace('{sent}', number(p.sent)).replace('{total}', number(p.total)).replace('{failed}', number(p.failed));
        if (p.waiting === 0) {
          var refresh = box.querySelector('[data-field="refresh"]');
          if (refresh) refresh.parentElement.remove();
          return;
        }
        setTimeout(poll, 3000);
      })
      .catch(function () { setTimeout(poll, 10000); });
  }
  setTimeout(poll, 2000);
})();
