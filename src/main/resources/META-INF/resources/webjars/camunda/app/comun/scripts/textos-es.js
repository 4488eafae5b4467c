/*
 * Cocreación desde lo local: the English the webapps write outside their locale files, in Spanish.
 *
 * A few texts of Camunda 7.24's templates are literals, not translation keys, so locales/es.json cannot reach
 * them: the variables table's "Actions", "Download" and "Upload", the called instances' "State", the diagram's "zoom in", "zoom out" and
 * "reset zoom", "Loading diagram", Cockpit's "Select all" and the like. This script, loaded by every app
 * (scripts/config.js), rewrites them where they appear (a text of its own, or a title, tooltip, placeholder or
 * ARIA label) each time the page changes. WebappsBrowserTest and CockpitBrowserTest read the pages for
 * English; a text a later Camunda adds goes in TEXTS.
 */

const TEXTS = {
  'Actions': 'Acciones',
  'State': 'Estado',
  'Download': 'Descargar',
  'Upload': 'Subir',
  'Loading diagram': 'Cargando el diagrama',
  'zoom in': 'Acercar',
  'zoom out': 'Alejar',
  'reset zoom': 'Restablecer el zoom',
  'Select all': 'Seleccionar todo',
  'Unselect all': 'Quitar la selección',
  'Toggle this section': 'Mostrar u ocultar esta sección',
  'Suspended Job Definition': 'Definición de trabajo suspendida',
  'Message is null.': 'El mensaje está vacío.',
  'Invalid Date Value.': 'La fecha no es válida.',
  'No matching entries found.': 'No hay coincidencias.',
  'Open element documentation': 'Abrir la documentación del elemento',
  'Powered by bpmn.io': 'Diagrama de bpmn.io'
};
const ATTRIBUTES = ['title', 'placeholder', 'aria-label', 'uib-tooltip'];
const SELECTOR = ATTRIBUTES.map(a => '[' + a + ']').join(', ');

function spanish(text) {
  const trimmed = text.trim();
  return trimmed && Object.prototype.hasOwnProperty.call(TEXTS, trimmed) ? text.replace(trimmed, TEXTS[trimmed]) : null;
}

function translateText(node) {
  const text = spanish(node.data);
  if (text !== null && text !== node.data) {
    node.data = text;
  }
}

function translateAttributes(element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const text = value === null ? null : spanish(value);
    if (text !== null && text !== value) {
      element.setAttribute(name, text);
    }
  }
}

function translate(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
  translateAttributes(root);
  root.querySelectorAll(SELECTOR).forEach(translateAttributes);
}

if (typeof MutationObserver !== 'undefined' && document.body) {
  translate(document.body);
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(translate);
      } else if (mutation.type === 'characterData') {
        translateText(mutation.target);
      } else {
        translateAttributes(mutation.target);
      }
    }
  }).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}

// The webapps treat a custom script's default export as front-end plugins; this one adds none.
export default [];
