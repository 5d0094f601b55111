// Tunas: a [data-print] button prints the page (the page is printable from the browser's menu without it).
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
