/*
 * Cocreación desde lo local: what the project's webapp scripts share, imported as an ES module by them
 * (roles.js, tasklist's avisos.js and formulario-de-inicio.js, cockpit's nombres-legibles.js). Not a custom
 * script of its own: it adds nothing to a page by itself.
 */

/** Where the webapps live (the app-root of the page's base, "/camunda" by default), for the scripts' requests. */
export const appRoot = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root'))
  || '/camunda';

/**
 * Calls {@code adapt} at most once per frame after the page changed (elements added or removed anywhere in the
 * body, plus what {@code options} of a MutationObserver add), so a script can adjust what Tasklist or Cockpit
 * has just drawn without running on every single mutation.
 */
export function alCambiarLaPagina(adapt, options = {}) {
  if (typeof MutationObserver === 'undefined' || !document.body) {
    return;
  }
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        adapt();
      });
    }
  }).observe(document.body, { subtree: true, childList: true, ...options });
}
