// The quota grid (Programs/Quotas): row, column and grand totals follow the cells as they are typed.
(function () {
  'use strict';
  var form = document.querySelector('[data-quota-grid]');
  if (!form) return;
  function value(input) { var n = parseInt(input.value, 10); return isNaN(n) ? 0 : n; }
  function update() {
    var grand = 0, columns = {};
    form.querySelectorAll('tr[data-row]').forEach(function (row) {
      var sum = 0;
      row.querySelectorAll('input[data-column]').forEach(function (input) {
        var v = value(input); sum += v;
        columns[input.dataset.column] = (columns[input.dataset.column] || 0) + v;
      });
      var cell = row.querySelector('[data-row-total]');
      if (cell) cell.textContent = sum;
      grand += sum;
    });
    form.querySelectorAll('[data-column-total]').forEach(function (cell) { cell.textContent = columns[cell.dataset.columnTotal] || 0; });
    var g = form.querySelector('[data-grand-total]');
    if (g) g.textContent = grand;
    var check = form.querySelector('[data-testid="target-check"]');
    if (check && check.firstChild) check.firstChild.textContent = check.firstChild.textContent.replace(/\d+/, grand);
    var warn = form.querySelector('[data-target-warning]');
    if (warn) warn.classList.toggle('d-none', grand === parseInt(form.dataset.target, 10));
  }
  form.addEventListener('input', update);
  // On a slow phone she may type before this file arrives: the totals start from what the cells already hold.
  update();
})();
