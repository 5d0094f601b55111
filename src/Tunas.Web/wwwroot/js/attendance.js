// Attendance (Training): a tap sends the mark to the API with the antiforgery header instead of reloading the page.
// Each mark carries the form's client id, so a mark sent twice counts once; then the form gets a new id for the next tap.
// Without this script every button is a plain form post. (The offline queue comes later.)
(function () {
  'use strict';
  var list = document.querySelector('[data-api]');
  if (!list || !window.fetch) return;
  var api = list.getAttribute('data-api');
  var warning = document.querySelector('[data-field="send-error"]');
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }
  function show(row, status) {
    row.setAttribute('data-status', status);
    row.querySelectorAll('button[name="status"]').forEach(function (b) {
      var on = b.value === status;
      var style = b.className.match(/btn-(?:outline-)?(success|warning|info|danger)/)[1];
      b.classList.toggle('btn-' + style, on);
      b.classList.toggle('btn-outline-' + style, !on);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }
  list.addEventListener('click', function (e) {
    var button = e.target.closest('button[name="status"]');
    if (!button) return;
    e.preventDefault();
    var form = button.form;
    var row = form.closest('[data-participant]');
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    var clientId = form.elements.clientId;
    var mark = [{ participantId: Number(row.getAttribute('data-participant')), status: button.value, clientId: clientId.value }];
    fetch(api, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': token ? token.value : '' },
      body: JSON.stringify(mark)
    }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      show(row, button.value);
      clientId.value = newId();
      if (warning) warning.classList.add('d-none');
    }).catch(function () {
      if (warning) warning.classList.remove('d-none');
    });
  });
})();
