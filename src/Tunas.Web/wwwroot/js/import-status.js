// While an import runs (Registry/Imports/Details), ask the API with the page's sign-in cookie how far it got; reload once it is done.
(function () {
  'use strict';
  var box = document.getElementById('import-status');
  if (!box || box.getAttribute('data-finished') === 'true') return;
  var bar = box.querySelector('.progress-bar');
  function poll() {
    fetch('/api/v1/imports/' + box.getAttribute('data-job'), { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (s) {
        ['processedRows', 'totalRows', 'inserted', 'updated', 'unchanged', 'rejected'].forEach(function (k) {
          var el = box.querySelector('[data-field="' + k + '"]');
          if (el) el.textContent = s[k];
        });
        var percent = s.status === 'completed' ? 100 : (s.totalRows ? Math.floor(100 * s.processedRows / s.totalRows) : 0);
        bar.style.width = percent + '%';
        bar.parentElement.setAttribute('aria-valuenow', percent);
        // Done, or paused / going on again: the page shows the counts, the report or the cause.
        if (s.status === 'completed' || s.status === 'failed' || s.status !== box.getAttribute('data-status')) { window.location.reload(); return; }
        setTimeout(poll, 1500);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
