/*
 * Cocreación desde lo local: Tasklist tells people what happened and what to do next.
 *
 * Stock Tasklist 7.24 says nothing when a task is completed, leaves the last error on screen while the
 * person opens other tasks or tries again, and keeps the form read-only until «Tomar la tarea» (claim) is
 * pressed, without a word why. This script, loaded through customScripts (scripts/config.js):
 *
 *  - after a task's form is sent and accepted, shows «Tarea completada» with the task's name, replacing every
 *    earlier message (an error about an earlier try is stale by then);
 *  - when a form is sent, and when another task is opened, takes away the messages about the previous try;
 *  - when the form's own checks stop a completion, says to look at the fields marked in red; when the server
 *    refuses it, shows its reason without repeating the title;
 *  - above the form of a task nobody holds, explains why it is read-only, with a «Tomar la tarea» button (the
 *    stock one is small, far from the form); above one a colleague holds, says who has it and what to do;
 *    above one the person holds, offers «Devolver la tarea» (the stock one is only a cross); above a titular's vote
 *    that another person holds, links to /suplencia/{task}, where the suplente of the sector votes in the
 *    titular's absence (or the titular takes the vote back).
 *
 * Messages go through Tasklist's own Notifications service, so they look and stay like its others.
 */

import { alCambiarLaPagina } from '../../comun/scripts/pagina.js';

const TASK_ACTION = /\/task\/([^/?#]+)\/(submit-form|complete)(?:[?#].*)?$/;
const NOTE = 'cc-aviso-tarea';

/** Tasklist's Notifications service, once Angular has started. */
function notifications() {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector && angular.element(document.body).injector();
  return injector && injector.has('Notifications') ? injector.get('Notifications') : null;
}

function inAngular(action) {
  const service = notifications();
  if (!service) {
    return;
  }
  const scope = window.angular.element(document.body).scope();
  if (scope && scope.$applyAsync) {
    scope.$applyAsync(() => action(service));
  } else {
    action(service);
  }
}

/** Tasklist's COMPLETE_ERROR (locales/es.json); without a message it means the form's own checks failed. */
const COMPLETE_ERROR = 'No se pudo completar la tarea';

function explainFormErrors(service) {
  if (service.ccExplained) {
    return;
  }
  const addError = service.addError;
  service.addError = function (notification) {
    if (notification && notification.status === COMPLETE_ERROR) {
      const message = String(notification.message || '').trim();
      // the server's refusal starts by saying the same as the title
      notification.message = !message ? 'Revise los campos marcados en rojo en el formulario.'
        : message.startsWith(COMPLETE_ERROR + ' ') ? message.slice(COMPLETE_ERROR.length + 1) : message;
    }
    return addError.apply(this, arguments);
  };
  service.ccExplained = true;
}

function openTaskName() {
  const heading = document.querySelector('.task-details .task-card h2.task');
  return heading ? heading.textContent.trim() : '';
}

function taskSent(name) {
  inAngular(service => service.clearAll());
  return name;
}

function taskCompleted(name) {
  inAngular(service => service.addMessage({
    type: 'success',
    status: 'Tarea completada',
    message: (name ? '«' + name + '» quedó registrada. ' : 'La tarea quedó registrada. ')
      + 'Si el proceso le da otra tarea, aparece en la lista.',
    exclusive: true,
    duration: 15000
  }));
}

// Every form Tasklist sends goes through XMLHttpRequest (the engine's JavaScript client).
const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  const match = String(method).toUpperCase() === 'POST' && TASK_ACTION.exec(String(url));
  this.ccTaskAction = match ? match[1] : null;
  return open.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  if (this.ccTaskAction) {
    const name = taskSent(openTaskName());
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        taskCompleted(name);
      }
    });
  }
  return send.apply(this, arguments);
};

// Another task opened: the messages about the previous one go.
let shownTask = new URLSearchParams(location.hash.split('?')[1] || '').get('task');
window.addEventListener('hashchange', () => {
  const task = new URLSearchParams(location.hash.split('?')[1] || '').get('task');
  if (task && shownTask && task !== shownTask) {
    inAngular(service => service.clearAll());
  }
  shownTask = task || shownTask;
});

/**
 * What the person reads above the form, by who holds the task, and the stock button its own button presses
 * (Tasklist's are small and far from the form); null when there is nothing to say.
 */
function noteFor(card) {
  const meta = card.querySelector('[cam-tasklist-task-meta]');
  if (!meta || card.classList.contains('task-removed')) {
    return null;
  }
  if (meta.querySelector('button.claim')) {
    return {
      text: 'Nadie tiene esta tarea todavía: el formulario se puede leer pero no llenar. Tómela para llenarlo y '
        + 'completarlo; mientras usted la tenga, nadie más de su grupo puede completarla.',
      action: 'Tomar la tarea', target: 'button.claim'
    };
  }
  const holder = meta.querySelector('li.assignee');
  const seat = meta.querySelector('li.groups [ng-if="groupNames.length === 0"]');
  const taskId = new URLSearchParams(location.hash.split('?')[1] || '').get('task');
  if (holder && seat && taskId && !meta.querySelector('button.unclaim')) {
    // A titular's vote (no group): the suplente of the titular's sector may vote in the titular's absence.
    return {
      text: 'Este voto del STL lo tiene ' + holder.textContent.trim() + ': solo esa persona puede completarlo. Si '
        + 'usted es suplente de su sector y la persona titular está ausente, puede votar en su lugar; si usted es la '
        + 'titular y alguien vota en su lugar, puede recuperar su voto.',
      link: 'Suplencia del voto', href: '/suplencia/' + encodeURIComponent(taskId)
    };
  }
  if (holder && !meta.querySelector('button.unclaim')) {
    return {
      text: 'Esta tarea la tiene ' + holder.textContent.trim() + ': solo esa persona puede llenar el formulario '
        + 'y completarla. Si usted debe terminarla, pídale que la devuelva.'
    };
  }
  if (holder && seat) {
    // A task of one's own seat (a titular's vote, or one taken over as suplente): no group to hand it to.
    return {
      text: 'Esta tarea es suya: se le asignó por su cargo en el STL (o la tomó en suplencia de la persona titular '
        + 'de su sector) y solo usted puede completarla.',
      link: 'Suplencia del voto', href: taskId ? '/suplencia/' + encodeURIComponent(taskId) : null
    };
  }
  if (holder) {
    return {
      text: 'Usted tiene esta tarea. Si no la va a terminar, devuélvala para que otra persona de su grupo pueda '
        + 'tomarla.',
      action: 'Devolver la tarea', target: 'button.unclaim'
    };
  }
  return null;
}

function render(note, wanted) {
  const key = wanted.text + '|' + (wanted.action || '') + '|' + (wanted.href || '');
  if (note.dataset.shown === key) {
    return;
  }
  note.dataset.shown = key;
  note.textContent = '';
  const text = document.createElement('span');
  text.textContent = wanted.text;
  note.appendChild(text);
  if (wanted.action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-default btn-sm';
    button.textContent = wanted.action;
    button.addEventListener('click', () => {
      const stock = document.querySelector('.task-details [cam-tasklist-task-meta] ' + wanted.target);
      if (stock) {
        stock.click();
      }
    });
    note.appendChild(button);
  }
  if (wanted.href) {
    const link = document.createElement('a');
    link.className = 'btn btn-default btn-sm';
    link.href = wanted.href;
    link.textContent = wanted.link;
    note.appendChild(link);
  }
}

function showNote() {
  const service = notifications();
  if (service) {
    explainFormErrors(service);
  }
  const card = document.querySelector('.task-details section.task-card');
  if (!card) {
    return;
  }
  const tabs = card.querySelector('.tabbed-content');
  const wanted = noteFor(card);
  let note = card.querySelector('.' + NOTE);
  if (!wanted || !tabs) {
    if (note) {
      note.remove();
    }
    return;
  }
  if (!note) {
    note = document.createElement('div');
    note.className = NOTE;
    note.setAttribute('role', 'status');
  }
  render(note, wanted);
  if (note.nextElementSibling !== tabs) {
    tabs.parentNode.insertBefore(note, tabs);
  }
}

alCambiarLaPagina(showNote, { attributes: true, attributeFilter: ['class'] });

// Tasklist treats a custom script's default export as front-end plugins; this one adds none.
export default [];
