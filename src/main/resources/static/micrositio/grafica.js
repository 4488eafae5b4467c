/* Bar chart of PAL progress per entidad (national overview). Data: the JSON element #datos-grafica
   ([{entity, progress}]) written by the page; no inline script, so the page's CSP allows only script
   files. Chart.js is served by the app (webjar). */
(function () {
  'use strict';
  var canvas = document.getElementById('grafica-avance');
  var source = document.getElementById('datos-grafica');
  var data = source ? JSON.parse(source.textContent || '[]') : [];
  window.avancePorEntidad = data;
  if (!canvas || typeof Chart === 'undefined' || data.length === 0) {
    return;
  }
  var container = canvas.parentElement;
  container.style.height = Math.max(220, 60 + data.length * 34) + 'px';
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.graficaAvance = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.map(function (d) { return d.entity; }),
      datasets: [{
        label: 'Avance del PAL (%)',
        data: data.map(function (d) { return d.progress; }),
        backgroundColor: '#0b6e4f',
        borderRadius: 4,
        maxBarThickness: 26
      }]
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 400 },
      scales: {
        x: { min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; }, color: '#1f2933' },
             grid: { color: '#d9e2ec' } },
        y: { ticks: { color: '#1f2933', font: { size: 14 } }, grid: { display: false } }
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: function (c) { return ' ' + c.parsed.x + ' %'; } } }
      }
    }
  });
}());
