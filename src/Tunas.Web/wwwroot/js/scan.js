// The fallback scanner on the check-in page: the zxing library (large) loads only when the participant taps the
// button, for a phone whose camera app does not open links from QR codes.
(function () {
  'use strict';
  var button = document.querySelector('[data-scan]');
  if (!button) return;
  var video = document.querySelector('[data-field="camera"]');
  var error = document.querySelector('[data-field="scan-error"]');
  function load(src) {
    return new Promise(function (resolve, reject) {
      if (window.ZXingBrowser) return resolve();
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  button.addEventListener('click', function () {
    button.disabled = true;
    load(button.getAttribute('data-scan')).then(function () {
      video.classList.remove('d-none');
      return new window.ZXingBrowser.BrowserQRCodeReader().decodeOnceFromVideoDevice(undefined, video);
    }).then(function (result) {
      var text = result.getText();
      var at = text.indexOf('/hadir/');
      if (at < 0) throw new Error('not a check-in code');
      location.href = text.slice(at);
    }).catch(function () {
      error.classList.remove('d-none');
      button.disabled = false;
    });
  });
})();
