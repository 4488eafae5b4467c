/*
 * Cocreación desde lo local: Camunda Forms in Spanish.
 *
 * form-js 1.8.7, bundled in Tasklist 7.24, writes its own texts in English and offers no way to translate
 * them (Tasklist creates the form without modules; the strings are literals of lib/deps.js): "Field is
 * required.", "Select", "Search", "Add new", "Field must match pattern ^https?://…" and so on. This script,
 * loaded by Tasklist through customScripts, rewrites them where form-js puts them (text, placeholders,
 * titles and ARIA labels inside a form), each time form-js renders. The labels and descriptions of our
 * forms are Spanish already (forms/*.form); this covers what form-js adds.
 *
 * If a later form-js changes a text, it shows in English again (FormTextsBrowserTest reads every form and
 * fails on English): add it to TEXTS or RULES.
 */

const TEXTS = {
  'Field is required.': 'Este campo es obligatorio.',
  'Field must be a valid email.': 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.mx.',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    'Escriba un teléfono con lada internacional, por ejemplo +525512345678.',
  'Select': 'Seleccione',
  'Search': 'Buscar',
  'Add new': 'Agregar',
  'Collapse': 'Contraer',
  'Skip to search': 'Ir a la búsqueda',
  'Remove tag': 'Quitar',
  'Increment': 'Aumentar',
  'Decrement': 'Disminuir',
  'Clear': 'Borrar',
  'No options available': 'No hay opciones',
  // the date fields' placeholder: form-js writes the pattern of the page's locale (es-MX, see
  // ../comun/scripts/configuracion-regional.js) with English letters
  'dd/mm/yyyy': 'dd/mm/aaaa'
};

/** What a pattern asks for, in words: the forms' patterns are for web links. */
const describePattern = pattern => /^\^?https\?:/.test(pattern) || pattern.indexOf('http') >= 0
  ? 'Escriba un enlace web que empiece con http:// o https://.'
  : 'El texto no tiene el formato que se pide.';

const RULES = [
  [/^Field must match pattern (.*)\.$/, m => describePattern(m[1])],
  [/^Field must have minimum length of (\d+)\.$/, m => 'Escriba al menos ' + m[1] + ' caracteres.'],
  [/^Field must have maximum length of (\d+)\.$/, m => 'Escriba a lo más ' + m[1] + ' caracteres.'],
  [/^Field must have minimum value of (.+)\.$/, m => 'El valor mínimo es ' + m[1] + '.'],
  [/^Field must have maximum value of (.+)\.$/, m => 'El valor máximo es ' + m[1] + '.'],
  [/^Expand all \((\d+)\)$/, m => 'Mostrar todos (' + m[1] + ')'],
  [/^Remove list item (\d+)$/, m => 'Quitar el elemento ' + m[1]]
];

/** The Spanish of an English text of form-js, or undefined when it is not one. */
export function spanish(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return undefined;
  }
  if (Object.prototype.hasOwnProperty.call(TEXTS, trimmed)) {
    return text.replace(trimmed, TEXTS[trimmed]);
  }
  for (const [pattern, translate] of RULES) {
    const match = trimmed.match(pattern);
    if (match) {
      return text.replace(trimmed, translate(match));
    }
  }
  return undefined;
}

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

function translate(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = spanish(node.data);
    if (text !== undefined && text !== node.data) {
      node.data = text;
    }
  }
  const elements = root.querySelectorAll ? root.querySelectorAll('[placeholder], [title], [aria-label]') : [];
  for (const element of [root, ...elements]) {
    if (!element.getAttribute) {
      continue;
    }
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      const text = value == null ? undefined : spanish(value);
      if (text !== undefined && text !== value) {
        element.setAttribute(name, text);
      }
    }
  }
}

/** The form around a changed node, if the change happened inside a Camunda Form. */
function formOf(node) {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  return element && element.closest ? element.closest('.fjs-container, .fjs-form') : null;
}

if (typeof MutationObserver !== 'undefined' && document.body) {
  new MutationObserver(mutations => {
    const forms = new Set();
    for (const mutation of mutations) {
      const form = formOf(mutation.target);
      if (form) {
        forms.add(form);
      }
    }
    forms.forEach(translate);
  }).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}

// Tasklist treats a custom script's default export as front-end plugins; this one adds none.
export default [];
