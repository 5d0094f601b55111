// The impact dashboard's charts: each drawn from the numbers of the table beside it (data-chart), so the page reads the
// same without JavaScript. Chart.js is loaded only on this page.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }
    var colours = ['#198754', '#0d6efd', '#fd7e14'];
    document.querySelectorAll('table[data-chart]').forEach(function (table) {
        var holder = document.querySelector('[data-chart-for="' + table.dataset.testid + '"]');
        if (!holder) {
            return;
        }
        var heads = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1).map(function (th) { return th.textContent.trim(); });
        var labels = [];
        var series = heads.map(function () { return []; });
        table.querySelectorAll('tbody tr').forEach(function (tr) {
            labels.push(tr.querySelector('th').textContent.replace(/\s+/g, ' ').trim());
            tr.querySelectorAll('td[data-value]').forEach(function (td, i) {
                var v = td.dataset.value === '' ? null : Number(td.dataset.value);
                series[i].push(table.dataset.percent ? (v === null ? null : Math.round(v * 1000) / 10) : v);
            });
        });
        var canvas = document.createElement('canvas');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', heads.join(', '));
        holder.appendChild(canvas);
        var format = new Intl.NumberFormat('id-ID');
        new Chart(canvas, {
            type: 'bar',
            data: {
                labels: labels,
                datasets: series.map(function (data, i) { return { label: heads[i], data: data, backgroundColor: colours[i % colours.length] }; })
            },
            options: {
                indexAxis: 'y',
                animation: false,
                plugins: { legend: { display: series.length > 1 } },
                scales: { x: { ticks: { callback: function (v) { return format.format(v) + (table.dataset.percent ? '%' : ''); } } } }
            }
        });
    });
})();
