// The cashbook on the phone (/me/kas). Every entry is written to IndexedDB first (dexie), shown at once with the
// summary computed here, and marked dirty; sync() sends the dirty entries to /api/v1/me/cashbook/sync (with the
// antiforgery header, through Tunas.fetch) whenever there is a connection. The server keeps each client id once and
// the latest change by its updatedAt, so a batch sent twice, or cut off mid-way, stores nothing twice.
(function () {
  'use strict';
  var root = document.getElementById('kas');
  if (!root || !window.Dexie) { return; }
  var api = root.dataset.api;
  var db = new Dexie('tunas-kas-' + root.dataset.owner);
  db.version(1).stores({ entries: 'clientId, occurredOn, dirty' });
  // The item input is named "what": form.elements.item is the collection's own item() method.
  var form = root.querySelector('[data-testid="entry-form"]');
  var syncing = null;
  // While entries wait, another try comes soon: a weak signal fails requests without an 'offline' event, and a
  // returning one is not always announced by 'online' (nor navigator.onLine set back). So the page trusts what its
  // own requests answer: a failed send marks it offline and waits longer each time (3 s up to 15 s); an answer marks
  // it online again. With no connection at all, a try fails at once and costs nothing.
  var retry = null;
  var backoff = 3000;
  var reachable = navigator.onLine;
  function later(delay) {
    clearTimeout(retry);
    retry = setTimeout(sync, delay);
  }

  function field(name) { return root.querySelector('[data-field="' + name + '"]'); }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }
  function addDays(day, n) {
    var d = new Date(day + 'T00:00:00');
    d.setDate(d.getDate() + n);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }
  function rupiah(n) { return 'Rp' + Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }
  function newId() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }
  function label(kind) { return kind === 'sale' ? root.dataset.sale : kind === 'expense' ? root.dataset.expense : root.dataset.debtPayment; }
  function format(template, a, b) { return template.replace('{0}', a).replace('{1}', b); }

  // Payments pay off a customer's oldest owed sales first, as on the server (Debts.Owed).
  function debtors(entries, day) {
    var byCustomer = {};
    entries.forEach(function (e) {
      if (!e.customer || !((e.kind === 'sale' && !e.paid) || e.kind === 'debtPayment')) { return; }
      var key = e.customer.trim().toLowerCase();
      (byCustomer[key] = byCustomer[key] || { name: e.customer.trim(), lines: [] }).lines.push(e);
    });
    var week = addDays(day, 7);
    return Object.keys(byCustomer).map(function (key) {
      var c = byCustomer[key];
      var paid = c.lines.filter(function (l) { return l.kind === 'debtPayment'; }).reduce(function (s, l) { return s + l.amount; }, 0);
      var d = { customer: c.name, total: 0, dueThisWeek: 0, overdue: 0 };
      c.lines.filter(function (l) { return l.kind === 'sale'; })
        .sort(function (x, y) { return x.occurredOn < y.occurredOn ? -1 : x.occurredOn > y.occurredOn ? 1 : 0; })
        .forEach(function (s) {
          var covered = Math.min(paid, s.amount);
          paid -= covered;
          var open = s.amount - covered;
          if (!open) { return; }
          d.total += open;
          if (s.dueOn && s.dueOn < day) { d.overdue += open; } else if (s.dueOn && s.dueOn <= week) { d.dueThisWeek += open; }
        });
      var text = format(d.overdue > 0 ? root.dataset.afterDue : root.dataset.beforeDue, d.customer, rupiah(d.total));
      d.url = 'https://wa.me/?text=' + encodeURIComponent(text);
      return d;
    }).filter(function (d) { return d.total > 0; })
      .sort(function (a, b) { return b.overdue - a.overdue || b.total - a.total; });
  }

  async function render() {
    var all = (await db.entries.toArray()).filter(function (e) { return !e.deleted; });
    var day = today();
    var month = day.slice(0, 7);
    var mine = all.filter(function (e) { return e.occurredOn.slice(0, 7) === month; });
    function sum(list, test) { return list.filter(test).reduce(function (s, e) { return s + e.amount; }, 0); }
    var sales = sum(mine, function (e) { return e.kind === 'sale'; });
    var expenses = sum(mine, function (e) { return e.kind === 'expense'; });
    var unpaid = sum(mine, function (e) { return e.kind === 'sale' && !e.paid; });
    var payments = sum(mine, function (e) { return e.kind === 'debtPayment'; });
    field('sales').textContent = rupiah(sales);
    field('expenses').textContent = rupiah(expenses);
    field('profit').textContent = rupiah(sales - expenses);
    field('receivables').textContent = rupiah(unpaid - payments);
    field('today-sales').textContent = '+' + rupiah(sum(mine, function (e) { return e.kind === 'sale' && e.occurredOn === day; }));
    field('today-expenses').textContent = '-' + rupiah(sum(mine, function (e) { return e.kind === 'expense' && e.occurredOn === day; }));
    field('pending').textContent = await db.entries.where('dirty').equals(1).count();

    var list = root.querySelector('[data-testid="entries"]');
    list.textContent = '';
    mine.sort(function (a, b) { return a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : (b.updatedAt > a.updatedAt ? 1 : -1); });
    mine.forEach(function (e) {
      var li = document.createElement('li');
      li.className = 'border-bottom py-1 d-flex justify-content-between align-items-center gap-2';
      li.dataset.clientId = e.clientId;
      var text = document.createElement('span');
      text.textContent = e.occurredOn.slice(8) + '/' + e.occurredOn.slice(5, 7) + ' · ' + label(e.kind) + ' · ' +
        (e.item || e.customer || '') + (e.quantity ? ' ×' + e.quantity : '') + ' · ' + rupiah(e.amount) + (e.dirty ? ' •' : '');
      li.appendChild(text);
      var actions = document.createElement('span');
      actions.className = 'text-nowrap';
      [['edit', root.dataset.edit, 'btn-outline-secondary'], ['delete', root.dataset.delete, 'btn-outline-danger']].forEach(function (a) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'btn btn-sm py-0 ms-1 ' + a[2];
        b.dataset.action = a[0];
        b.textContent = a[1];
        actions.appendChild(b);
      });
      li.appendChild(actions);
      list.appendChild(li);
    });
    field('no-entries').classList.toggle('d-none', mine.length > 0);

    var owed = debtors(all, day);
    var dl = root.querySelector('[data-testid="debtors"]');
    dl.textContent = '';
    owed.forEach(function (d) {
      var li = document.createElement('li');
      li.className = 'border-bottom py-1';
      var who = document.createElement('div');
      who.textContent = d.customer + ' · ' + rupiah(d.total) +
        (d.overdue ? ' · ' + root.dataset.overdue + ' ' + rupiah(d.overdue) : '') +
        (d.dueThisWeek ? ' · ' + root.dataset.dueWeek + ' ' + rupiah(d.dueThisWeek) : '');
      var link = document.createElement('a');
      link.href = d.url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.className = 'btn btn-sm btn-outline-success py-0';
      link.textContent = root.dataset.remind;
      li.appendChild(who);
      li.appendChild(link);
      dl.appendChild(li);
    });
    field('no-debtors').classList.toggle('d-none', owed.length > 0);
    field('offline').classList.toggle('d-none', reachable);
  }

  async function save(entry) {
    entry.updatedAt = new Date().toISOString();
    entry.dirty = 1;
    await db.entries.put(entry);
    await render();
    sync();
  }

  // One sync at a time; an entry changed while its batch was on the way stays dirty and goes in the next batch.
  function sync() {
    if (syncing) { return syncing; }
    syncing = (async function () {
      var failed = false;
      try {
        for (;;) {
          var batch = await db.entries.where('dirty').equals(1).limit(500).toArray();
          if (!batch.length) { backoff = 3000; return; }
          var body = batch.map(function (e) {
            return {
              clientId: e.clientId, kind: e.kind, occurredOn: e.occurredOn, item: e.item || null, quantity: e.quantity || null,
              amount: e.amount, customer: e.customer || null, paid: e.paid, category: e.category || null, dueOn: e.dueOn || null,
              deleted: !!e.deleted, updatedAt: e.updatedAt,
            };
          });
          var response = await window.Tunas.fetch(api + '/sync', {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin',
          });
          reachable = true;
          if (!response.ok) { failed = true; return; }
          await db.transaction('rw', db.entries, async function () {
            for (var i = 0; i < batch.length; i++) {
              var now = await db.entries.get(batch[i].clientId);
              if (now && now.updatedAt === batch[i].updatedAt) {
                if (now.deleted) { await db.entries.delete(now.clientId); } else { await db.entries.update(now.clientId, { dirty: 0 }); }
              }
            }
          });
        }
      } catch (e) {
        // No connection after all: the entries stay dirty for the next try.
        failed = true;
        reachable = false;
      } finally {
        syncing = null;
        await render();
        if (await db.entries.where('dirty').equals(1).count() > 0) {
          later(failed ? backoff : 3000);
          if (failed) { backoff = Math.min(backoff * 2, 15000); }
        }
      }
    })();
    return syncing;
  }

  // The server's entries of the last three months, for a phone that is new or was cleared; local changes not yet sent win.
  async function pull() {
    var now = new Date();
    for (var back = 0; back < 3; back++) {
      var d = new Date(now.getFullYear(), now.getMonth() - back, 1);
      try {
        var response = await fetch(api + '/entries?month=' + d.getFullYear() + '-' + pad(d.getMonth() + 1), { credentials: 'same-origin' });
        if (!response.ok) { return; }
        var rows = await response.json();
        await db.transaction('rw', db.entries, async function () {
          for (var i = 0; i < rows.length; i++) {
            var local = await db.entries.get(rows[i].clientId);
            if (!local || !local.dirty) {
              var r = rows[i];
              await db.entries.put({
                clientId: r.clientId, kind: r.kind, occurredOn: r.occurredOn, item: r.item, quantity: r.quantity, amount: r.amount,
                customer: r.customer, paid: r.paid, category: r.category, dueOn: r.dueOn, deleted: false, updatedAt: r.updatedAt, dirty: 0,
              });
            }
          }
        });
      } catch (e) {
        return;
      }
    }
  }

  function showKind(kind) {
    form.elements.kind.value = kind;
    root.querySelectorAll('[data-kind]').forEach(function (b) { b.classList.toggle('active', b.dataset.kind === kind); });
    form.querySelectorAll('[data-for]').forEach(function (el) {
      el.classList.toggle('d-none', el.dataset.for.split(' ').indexOf(kind) < 0);
    });
  }

  function resetForm() {
    var kind = form.elements.kind.value || 'sale';
    form.reset();
    form.classList.remove('was-validated');
    form.elements.kind.value = kind;
    form.elements.clientId.value = '';
    form.elements.occurredOn.value = today();
    field('form-error').textContent = '';
    showKind(kind);
  }

  root.querySelectorAll('[data-kind]').forEach(function (b) {
    b.addEventListener('click', function () { showKind(b.dataset.kind); });
  });
  form.querySelector('[data-action="cancel"]').addEventListener('click', resetForm);
  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var f = form.elements;
    var kind = f.kind.value;
    var amount = parseInt(f.amount.value, 10);
    var paid = kind !== 'sale' || f.paid.checked;
    var customer = f.customer.value.trim();
    if (!f.occurredOn.value || !(amount > 0) || (kind !== 'debtPayment' && !f.what.value.trim()) || (!paid && !customer) ||
        (kind === 'debtPayment' && !customer)) {
      field('form-error').textContent = root.dataset.formError;
      form.classList.add('was-validated');
      return;
    }
    var entry = {
      clientId: f.clientId.value || newId(), kind: kind, occurredOn: f.occurredOn.value, amount: amount,
      item: kind === 'debtPayment' ? null : f.what.value.trim(), quantity: kind === 'sale' && f.quantity.value ? parseInt(f.quantity.value, 10) : null,
      customer: kind === 'expense' ? null : customer || null, paid: paid, category: kind === 'expense' ? f.category.value || null : null,
      dueOn: kind === 'sale' && !paid ? f.dueOn.value || null : null, deleted: false,
    };
    // Emptied first, so that the next entry can be typed while this one is stored.
    resetForm();
    await save(entry);
  });

  root.querySelector('[data-testid="entries"]').addEventListener('click', async function (ev) {
    var button = ev.target.closest('button[data-action]');
    if (!button) { return; }
    var entry = await db.entries.get(button.closest('li').dataset.clientId);
    if (!entry) { return; }
    if (button.dataset.action === 'delete') {
      if (window.confirm(root.dataset.confirmDelete)) {
        entry.deleted = true;
        await save(entry);
      }
      return;
    }
    var f = form.elements;
    showKind(entry.kind);
    f.clientId.value = entry.clientId;
    f.occurredOn.value = entry.occurredOn;
    f.amount.value = entry.amount;
    f.what.value = entry.item || '';
    f.quantity.value = entry.quantity || '';
    f.customer.value = entry.customer || '';
    f.paid.checked = entry.paid;
    f.dueOn.value = entry.dueOn || '';
    f.category.value = entry.category || '';
    form.scrollIntoView();
  });

  document.getElementById('k-share').addEventListener('change', async function (ev) {
    var box = ev.target;
    try {
      var response = await window.Tunas.fetch(api + '/sharing', {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ shareMonthlyTotals: box.checked }),
        credentials: 'same-origin',
      });
      if (!response.ok) { box.checked = !box.checked; }
    } catch (e) {
      box.checked = !box.checked;
    }
  });

  window.addEventListener('online', function () { backoff = 3000; sync(); });
  window.addEventListener('offline', function () { reachable = false; render(); });
  setInterval(sync, 30000);
  resetForm();
  render().then(pull).then(sync);
})();
