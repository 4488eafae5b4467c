/*
 * Cocreación desde lo local: what a person typed in a task's form survives a visit to another tab.
 *
 * The problem (Tasklist 7.24.0): the task's tabs (Formulario, Evidencia, Historial, …) render one at a
 * time, so leaving «Formulario» destroys the Camunda Form and coming back draws it again from the task's
 * variables: the date and place a guarantor typed before attaching the launch's attendance list in
 * «Evidencia» are gone. Tasklist already keeps a draft in the browser when the person clicks «Guardar»
 * (localStorage `camunda-form:<taskId>`, read back when the form is drawn, removed when the task is
 * completed), but nobody thinks of clicking it before changing tabs.
 *
 * The fix, without forking Tasklist: as scripts/complete-with-dynamic-lists.js does, an AngularJS
 * decorator of the `camTasklistFormCamunda` directive hands it a thin proxy of its parent controller
 * (`camTasklistForm`). The proxy learns the directive's save handler (the one «Guardar» runs), whether the
 * form has unsaved changes (notifyFormDirty) and whether it was completed. When the form is destroyed with
 * unsaved changes and the task not completed, it runs the save handler, exactly as if the person had
 * clicked «Guardar». Nothing leaves the browser; the server still validates on «Completar». If a later
 * Tasklist changes the directive's shape, this script logs a warning and does nothing.
 */

const DIRECTIVE = 'camTasklistFormCamunda';

const angular = window.angular;

if (angular) {
  angular.module('cam.tasklist').config(['$injector', '$provide', ($injector, $provide) => {
    if (!$injector.has(DIRECTIVE + 'DirectiveProvider')) {
      console.warn('[cocreacion] Tasklist has no directive ' + DIRECTIVE + '; drafts on changing tabs not kept');
      return;
    }
    $provide.decorator(DIRECTIVE + 'Directive', ['$delegate', $delegate => {
      const directive = $delegate[0];
      const link = directive && directive.link;
      if (typeof link !== 'function') {
        console.warn('[cocreacion] unexpected shape of ' + DIRECTIVE + '; drafts on changing tabs not kept');
        return $delegate;
      }
      const wrapped = function (scope, element, attrs, formController) {
        const draft = draftKeeper(formController);
        if (draft.proxy !== formController) {
          scope.$on('$destroy', draft.keep);
        }
        return link.call(this, scope, element, attrs, draft.proxy);
      };
      directive.link = wrapped;
      directive.compile = () => wrapped;
      return $delegate;
    }]);
  }]);
} else {
  console.warn('[cocreacion] window.angular not available; drafts on changing tabs not kept');
}

/** A proxy of Tasklist's form controller that knows enough to save the draft when the form goes away. */
function draftKeeper(formController) {
  if (!formController || typeof formController.registerSaveHandler !== 'function'
      || typeof formController.notifyFormDirty !== 'function') {
    return { proxy: formController, keep: () => {} };
  }
  const proxy = Object.create(formController);
  let save = null;
  let dirty = false;
  let completed = false;

  proxy.registerSaveHandler = handler => {
    save = typeof handler === 'function' ? handler : null;
    return formController.registerSaveHandler(handler);
  };
  proxy.notifyFormDirty = value => {
    dirty = !!value;
    return formController.notifyFormDirty(value);
  };
  proxy.registerCompletionHandler = handler => formController.registerCompletionHandler(typeof handler !== 'function'
    ? handler
    : function (done, ...rest) {
      const whenDone = typeof done === 'function'
        ? (error, result) => {
          completed = completed || !error;
          return done(error, result);
        }
        : done;
      return handler.call(this, whenDone, ...rest);
    });

  const keep = () => {
    if (dirty && !completed && save) {
      try {
        save();
      } catch (e) {
        console.warn('[cocreacion] the draft could not be kept', e);
      }
    }
  };
  return { proxy, keep };
}

// Tasklist treats a custom script's default export as front-end plugins; this one adds none.
export default [];
