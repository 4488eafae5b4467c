/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Cocreación desde lo local: Spanish (Mexico) is the default language.
  // The webapps pick the browser language only if its primary subtag (e.g. "es"
  // of "es-MX") is in availableLocales, otherwise they use fallbackLocale. "en" is
  // deliberately NOT listed: an en-US browser would then get English. Our es.json
  // lives in ../locales/es.json (it overrides nothing of the webjar, which has no es).
  locales: {
    availableLocales: ['es'],
    fallbackLocale: 'es'
  },

  // Scripts of ours that Tasklist imports (ES modules, paths relative to app/tasklist/, without
  // ".js") before it starts. complete-with-dynamic-lists: "Completar" is enabled after a field
  // inside a form-js dynamic list is edited (Tasklist 7.24 kept it disabled until "Guardar").
  // evidencia: the "Evidencia" tab of every task, to attach files (docs/security.md for the rules).
  // formjs-es: the texts form-js adds (errors, "Select", "Add new", ...) in Spanish.
  // ../comun/scripts/roles: marks the administration's pages; the styles hide what only it may do.
  // ../comun/scripts/configuracion-regional: dates in Mexico City time and dd/mm/aaaa, page in Spanish.
  // avisos: «Tarea completada» after completing, stale errors taken away, why a form is read-only.
  // formulario-de-inicio: the start form of an exercise offers the person's own entidades.
  // ../comun/scripts/textos-es: the few English literals of the templates (e.g. the diagram's zoom buttons).
  customScripts: ['../comun/scripts/configuracion-regional', '../comun/scripts/textos-es', 'scripts/avisos', 'scripts/formulario-de-inicio',
    'scripts/complete-with-dynamic-lists', 'scripts/borrador', 'scripts/evidencia', 'scripts/formjs-es', '../comun/scripts/roles', 'scripts/calendario'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'toma la tarea seleccionada'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'lleva el foco al primer filtro de la lista'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'lleva el foco a la primera tarea de la lista'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'lleva el foco al primer campo del formulario de la tarea'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'abre la ventana para iniciar un proceso'
    }
  }
};
