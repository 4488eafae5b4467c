/*
 * Cocreación desde lo local: "Completar" stays usable in Camunda Forms with dynamic lists.
 *
 * The bug (Tasklist 7.24.0, form-js 1.x bundled in it): on every form-js "changed" event Tasklist
 * does `notifyFormValidated(Object.keys(event.errors).length > 0)`. When a field inside a dynamic
 * list is edited, form-js stores its result as errors[fieldId][row] = undefined, which its JSON
 * clone turns into [null]: the key stays although the field has no error. Tasklist then thinks
 * the form is invalid and disables "Completar" until "Guardar" (form.submit() rebuilds the map).
 *
 * The fix, without forking Tasklist: this file is loaded by Tasklist through `customScripts` in
 * scripts/config.js. Tasklist imports custom scripts (ES modules) before it bootstraps AngularJS,
 * so we can register an AngularJS decorator of Tasklist's `camTasklistFormCamunda` directive (the
 * one that renders Camunda Forms). The decorator hands the directive a thin proxy of its parent
 * controller (`camTasklistForm`) whose notifyFormValidated(invalid = true) is checked once form-js
 * has rendered the new state: the form counts as invalid only if form-js shows an error in it
 * (a field with class `fjs-has-errors`, which form-js sets exactly when the field's error list is
 * not empty). Everything else goes to Tasklist's controller unchanged.
 *
 * Nothing is weakened: on "Completar" Tasklist still runs form-js' full validation (form.submit())
 * and refuses to submit while a real error exists, and the server validates again. "Guardar" keeps
 * its meaning (a draft in the browser). If a later Tasklist renames the directive or changes its
 * shape, this script logs a warning and does nothing: the old behaviour comes back, nothing breaks.
 */

const DIRECTIVE = 'camTasklistFormCamunda';
const FIELD_WITH_ERRORS = '.fjs-has-errors, .fjs-form-field-error';

const angular = window.angular;

if (angular) {
  angular.module('cam.tasklist').config(['$injector', '$provide', ($injector, $provide) => {
    if (!$injector.has(DIRECTIVE + 'DirectiveProvider')) {
      console.warn('[cocreacion] Tasklist has no directive ' + DIRECTIVE + '; Completar fix not installed');
      return;
    }
    $provide.decorator(DIRECTIVE + 'Directive', ['$delegate', $delegate => {
      const directive = $delegate[0];
      const link = directive && directive.link;
      if (typeof link !== 'function') {
        console.warn('[cocreacion] unexpected shape of ' + DIRECTIVE + '; Completar fix not installed');
        return $delegate;
      }
      // AngularJS uses compile() (derived from link at registration time), so replace both.
      const wrapped = function (scope, element, attrs, formController) {
        return link.call(this, scope, element, attrs, validityByRenderedErrors(formController, element[0]));
      };
      directive.link = wrapped;
      directive.compile = () => wrapped;
      return $delegate;
    }]);
  }]);
} else {
  console.warn('[cocreacion] window.angular not available; Completar fix not installed');
}

/**
 * A proxy of Tasklist's form controller for the Camunda Forms directive only: "invalid" is
 * confirmed against what form-js renders in {@code container} once it has rendered (form-js
 * renders in a microtask after "changed", so a macrotask later the DOM shows the new state).
 */
function validityByRenderedErrors(formController, container) {
  if (!formController || typeof formController.notifyFormValidated !== 'function') {
    return formController;
  }
  const proxy = Object.create(formController);
  let latest = 0;

  proxy.notifyFormValidated = invalid => {
    const call = ++latest;
    if (!invalid) {
      formController.notifyFormValidated(false);
      return;
    }
    setTimeout(() => {
      if (call === latest) { // a newer notification wins
        formController.notifyFormValidated(container.querySelector(FIELD_WITH_ERRORS) !== null);
      }
    }, 0);
  };

  // Tasklist's own methods that call this.notifyFormValidated(...) keep their meaning (e.g. a form
  // that failed to load stays invalid): they run on the real controller.
  proxy.notifyFormInitializationFailed = formController.notifyFormInitializationFailed.bind(formController);

  return proxy;
}

// Tasklist treats a custom script's default export as front-end plugins; this one adds none.
export default [];
