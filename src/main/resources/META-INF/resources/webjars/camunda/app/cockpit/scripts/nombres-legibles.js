/*
 * Cocreación desde lo local: Cockpit names things in words.
 *
 * Cockpit shows a process instance's variables by their keys ("decisionRule", "palEnd"), their types in English
 * ("String", "Date"), the task groups by their ids ("government") and an empty value as "null"; on a first
 * visit the page's title shows a translation key ("DASHBOARD_DASHBOARD"). The INAI reads them; keys are code.
 * This script puts the words in their place: a variable's label in its form (or the words
 * mx.cocreacion.webapps.VariableLabels keeps for the variables of the processes), the type in Spanish, the
 * group's name, a dash. The words come with Cockpit's Spanish translation (locales/es.json, object
 * "cocreacion", served by WebappLocaleController). The key stays one click away: the copy button beside the
 * name copies the key, and the cell keeps it in data-clave. Loaded by Cockpit (scripts/config.js).
 */

import { alCambiarLaPagina, appRoot } from '../../comun/scripts/pagina.js';

let words = null;
let labels = {};

function rename(element, map) {
  const key = element.textContent.trim();
  if (element.children.length === 0 && Object.prototype.hasOwnProperty.call(map, key)) {
    element.textContent = map[key];
    element.setAttribute('data-clave', key);
  }
}

/* Cockpit sets the page's title before its translation has loaded on a first visit: "DASHBOARD_DASHBOARD". */
function title() {
  const fixed = document.title.replace(/\b[A-Z][A-Z0-9_]{3,}\b/g, key => (typeof labels[key] === 'string' ? labels[key] : key));
  if (fixed !== document.title) {
    document.title = fixed;
  }
}

function apply(root) {
  title();
  if (!words || !root || root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  root.querySelectorAll('td.col-name [cam-widget-clipboard] > [ng-transclude]').forEach(e => rename(e, words.variables));
  root.querySelectorAll('td.col-type > div').forEach(e => rename(e, words.tipos));
  root.querySelectorAll('#task-group-counts td:last-child').forEach(e => rename(e, words.grupos));
  root.querySelectorAll('.null-value').forEach(e => {
    if (e.textContent.trim() === 'null') {
      e.textContent = '—';
    }
  });
}

fetch(appRoot + '/app/cockpit/locales/es.json', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then(response => (response.ok ? response.json() : null))
  .then(translation => {
    words = translation && translation.cocreacion ? translation.cocreacion : null;
    labels = (translation && translation.labels) || {};
    if (typeof MutationObserver !== 'undefined') {
      apply(document.body);
      alCambiarLaPagina(() => apply(document.body), { characterData: true });
      new MutationObserver(title).observe(document.querySelector('title') || document.head,
        { subtree: true, childList: true, characterData: true });
    }
  })
  .catch(() => { /* without the words Cockpit shows the keys, as it does out of the box */ });

// The webapps treat a custom script's default export as front-end plugins; this one adds none.
export default [];
