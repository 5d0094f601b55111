// Tunas: small progressive enhancements. Every form still works without this file.
(function () {
  'use strict';

  var LEVELS = ['province', 'regency', 'district', 'village'];

  function levelOf(code) {
    return code ? code.split('.').length - 1 : -1;
  }

  function prefixes(code) {
    var parts = code.split('.');
    var out = [];
    for (var i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join('.'));
    return out;
  }

  // Cascading province → regency → kecamatan → kelurahan picker (Features/Regions/_RegionPicker.cshtml).
  // The real field is a text input holding the dotted code; the selects fill it, and replace it when JS runs.
  function RegionPicker(root) {
    this.root = root;
    this.input = root.querySelector('[data-region-value]');
    this.fixed = root.getAttribute('data-root') || '';
    this.depth = LEVELS.indexOf(root.getAttribute('data-depth') || 'village');
    this.selects = Array.prototype.slice.call(root.querySelectorAll('select[data-level]'));
    this.status = root.querySelector('[data-region-status]');
    var self = this;
    this.selects.forEach(function (select, index) {
      select.addEventListener('change', function () { self.changed(index); });
    });
    root.querySelector('[data-region-manual]').classList.add('d-none');
    root.querySelector('[data-region-selects]').classList.remove('d-none');
    this.start();
  }

  RegionPicker.prototype.load = function (parentCode, select) {
    var self = this;
    select.disabled = true;
    select.length = 1;
    if (self.status) self.status.textContent = '';
    return fetch('/api/v1/regions/' + encodeURIComponent(parentCode || '-') + '/children', { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (items) {
        items.forEach(function (item) {
          var option = document.createElement('option');
          option.value = item.code;
          option.textContent = item.name;
          select.appendChild(option);
        });
        select.disabled = false;
      })
      .catch(function () {
        if (self.status) self.status.textContent = self.root.getAttribute('data-error') || 'Error';
      });
  };

  RegionPicker.prototype.start = function () {
    var self = this;
    var value = self.input.value.trim();
    var first = self.selects[0];
    var chain = value && value.indexOf(self.fixed) === 0 ? prefixes(value).filter(function (p) { return levelOf(p) > levelOf(self.fixed); }) : [];
    var step = self.load(self.fixed, first);
    chain.forEach(function (code, i) {
      step = step.then(function () {
        var select = self.selects[i];
        if (!select) return;
        select.value = code;
        var next = self.selects[i + 1];
        if (next) return self.load(code, next);
      });
    });
  };

  RegionPicker.prototype.changed = function (index) {
    var select = this.selects[index];
    for (var i = index + 1; i < this.selects.length; i++) {
      this.selects[i].length = 1;
      this.selects[i].disabled = true;
    }
    var isLast = index === this.selects.length - 1;
    this.input.value = isLast ? select.value : '';
    this.input.dispatchEvent(new Event('change', { bubbles: true }));
    if (!isLast && select.value) this.load(select.value, this.selects[index + 1]);
  };

  document.querySelectorAll('[data-region-picker]').forEach(function (el) { new RegionPicker(el); });

  // Show fields that belong to one choice only (e.g. the kelurahan of a kelurahan operator).
  document.querySelectorAll('[data-show-when]').forEach(function (el) {
    var parts = el.getAttribute('data-show-when').split('=');
    var source = document.getElementById(parts[0]);
    if (!source) return;
    var update = function () { el.classList.toggle('d-none', source.value !== parts[1]); };
    source.addEventListener('change', update);
    update();
  });

  // A form that asks before it acts (publish, merge, mark all sent) carries its question in data-confirm.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
    });
  });

  // The ☰ label opens the menu through its checkbox without this file; here it also answers the keyboard and
  // tells assistive technology whether the menu is open.
  var toggle = document.getElementById('nav-toggle');
  var toggler = toggle && document.querySelector('label[for="nav-toggle"]');
  if (toggler) {
    toggle.addEventListener('change', function () { toggler.setAttribute('aria-expanded', String(toggle.checked)); });
    toggler.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      toggle.click();
    });
  }

  // A print button (the public result list for the notice board); the browser's own print works without it.
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.classList.remove('d-none');
    button.addEventListener('click', function () { window.print(); });
  });

  // Signing out clears what the site kept on this phone (the server answers with Clear-Site-Data), so that on a shared
  // phone the next person finds nothing. Cashbook entries not yet sent would go with it: count them and ask first.
  function dirtyIn(name) {
    return new Promise(function (resolve) {
      var open = indexedDB.open(name);
      open.onerror = function () { resolve(0); };
      open.onsuccess = function () {
        var db = open.result;
        try {
          var count = db.transaction('entries').objectStore('entries').index('dirty').count(1);
          count.onsuccess = function () { db.close(); resolve(count.result); };
          count.onerror = function () { db.close(); resolve(0); };
        } catch (e) {
          db.close();
          resolve(0);
        }
      };
    });
  }
  function unsentEntries() {
    if (!window.indexedDB || !indexedDB.databases) return Promise.resolve(0);
    return indexedDB.databases().then(function (list) {
      return Promise.all(list.filter(function (d) { return d.name && d.name.indexOf('tunas-kas-') === 0; })
        .map(function (d) { return dirtyIn(d.name); }));
    }).then(function (counts) {
      return counts.reduce(function (a, b) { return a + b; }, 0);
    }, function () { return 0; });
  }
  document.querySelectorAll('form[data-unsent]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      unsentEntries().then(function (n) {
        if (n > 0 && !window.confirm(form.getAttribute('data-unsent').replace('{0}', n))) return;
        form.submit();
      });
    });
  });

  // The API takes a write under the page's sign-in only with the antiforgery token the layout gives in
  // <meta name="csrf-token">: Tunas.fetch adds it (as offline sync will), for the same arguments as fetch.
  window.Tunas = window.Tunas || {};
  window.Tunas.fetch = function (url, options) {
    options = options || {};
    var method = (options.method || 'GET').toUpperCase();
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header && ['GET', 'HEAD', 'OPTIONS', 'TRACE'].indexOf(method) < 0) {
      var headers = new Headers(options.headers || {});
      headers.set(header.getAttribute('content'), token.getAttribute('content'));
      options.headers = headers;
    }
    return fetch(url, options);
  };
})();
