/*
 * Cocreación desde lo local: the "Evidencia" tab of every task in Tasklist.
 *
 * The seed asks that all the documentary evidence be public (the signed declaration, outreach lists and
 * photos, the STL's minutes, each working table's minutes, the launch event, each progress report). Stock
 * Tasklist 7.24 has no way to attach a file, so this plugin (point "tasklist.task.detail", a tab next to
 * the form) lists the task's attachments, uploads new ones and removes them while the task is open, through
 * the engine REST of the webapps (the same session and XSRF token as Tasklist):
 *   GET    task/{id}/attachment            the list
 *   POST   task/{id}/attachment/create     multipart: attachment-name, attachment-description, content
 *   DELETE task/{id}/attachment/{aid}      remove
 * The server applies the rules (docs/security.md): 10 MB at most, PDF, PNG, JPEG, OpenDocument or Office
 * Open XML by their content; only the person who can work the task, while it is open. On completion the
 * files become public evidence on the microsite, with the task, the date and the description.
 * Messages come from the server in Spanish and are shown as they are.
 */

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.odt,.ods,.odp,.docx,.xlsx,.pptx,application/pdf,image/png,image/jpeg';

const escape = text => String(text == null ? '' : text)
  .replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');

const size = bytes => bytes >= 1024 * 1024
  ? (bytes / (1024 * 1024)).toFixed(1).replace('.', ',') + ' MB'
  : Math.max(1, Math.round(bytes / 1024)) + ' KB';

/** The Spanish message of an error answer, or a plain one. */
async function messageOf(response, fallback) {
  try {
    const body = await response.json();
    if (body && body.message) {
      return body.message;
    }
  } catch (notJson) {
    // fall through
  }
  return fallback + ' (código ' + response.status + ').';
}

function render(node, data) {
  const api = data.api;
  const taskId = data.taskId;
  const base = api.engineApi + '/task/' + encodeURIComponent(taskId) + '/attachment';
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken };

  node.innerHTML =
    '<section class="cc-evidencia" aria-labelledby="cc-evidencia-titulo">' +
    '  <h3 id="cc-evidencia-titulo" class="cc-evidencia-titulo">Evidencia de esta tarea</h3>' +
    '  <p class="help-block">Anexe aquí los documentos de lo que hizo (actas, listas de asistencia, fotografías, ' +
    '     la declaración firmada, el informe). Al completar la tarea se publican como evidencia en el micrositio ' +
    '     con la fecha y la descripción. Formatos: PDF, PNG, JPEG, OpenDocument u Office (docx, xlsx, pptx); ' +
    '     hasta 10 MB cada uno.</p>' +
    '  <form class="cc-evidencia-form" novalidate>' +
    '    <div class="form-group">' +
    '      <span class="cc-evidencia-etiqueta" id="cc-evidencia-etiqueta">Archivo</span>' +
    // The browser's own file button speaks the browser's language: ours says it in Spanish.
    '      <input type="file" id="cc-evidencia-archivo" name="content" class="sr-only" accept="' + ACCEPT + '"' +
    '             aria-labelledby="cc-evidencia-etiqueta cc-evidencia-elegido">' +
    '      <div><label for="cc-evidencia-archivo" class="btn btn-default cc-evidencia-elegir">Elegir archivo…</label>' +
    '      <span id="cc-evidencia-elegido" class="cc-evidencia-elegido text-muted">Ningún archivo elegido</span></div>' +
    '    </div>' +
    '    <div class="form-group">' +
    '      <label for="cc-evidencia-descripcion">Descripción (opcional)</label>' +
    '      <input type="text" id="cc-evidencia-descripcion" name="description" class="form-control" maxlength="500"' +
    '             placeholder="Por ejemplo: acta de la sesión del 10 de marzo">' +
    '    </div>' +
    '    <button type="submit" class="btn btn-primary cc-evidencia-subir">Anexar archivo</button>' +
    '  </form>' +
    '  <p class="cc-evidencia-mensaje" role="status" aria-live="polite"></p>' +
    '  <h4 class="cc-evidencia-subtitulo">Archivos anexados</h4>' +
    '  <ul class="cc-evidencia-lista list-unstyled"></ul>' +
    '</section>';

  const form = node.querySelector('form');
  const file = node.querySelector('input[type=file]');
  const description = node.querySelector('#cc-evidencia-descripcion');
  const button = node.querySelector('.cc-evidencia-subir');
  const message = node.querySelector('.cc-evidencia-mensaje');
  const list = node.querySelector('.cc-evidencia-lista');

  const chosenName = node.querySelector('.cc-evidencia-elegido');
  const showChosen = () => {
    const chosen = file.files[0];
    chosenName.textContent = chosen ? chosen.name + ' (' + size(chosen.size) + ')' : 'Ningún archivo elegido';
  };
  file.addEventListener('change', showChosen);
  // The picker opens from the label with the keyboard too (Enter or space on it).
  node.querySelector('.cc-evidencia-elegir').tabIndex = 0;
  node.querySelector('.cc-evidencia-elegir').addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      file.click();
    }
  });

  const say = (text, kind) => {
    message.textContent = text;
    message.className = 'cc-evidencia-mensaje ' + (kind === 'error' ? 'text-danger' : 'text-success');
  };

  async function refresh() {
    const response = await fetch(base, { headers, credentials: 'same-origin' });
    if (!response.ok) {
      list.innerHTML = '<li class="text-danger">' + escape(await messageOf(response,
        'No se pudo leer la lista de archivos')) + '</li>';
      return;
    }
    const attachments = await response.json();
    if (attachments.length === 0) {
      list.innerHTML = '<li class="cc-evidencia-vacia">Todavía no hay archivos anexados.</li>';
      return;
    }
    list.innerHTML = attachments.map(a =>
      '<li class="cc-evidencia-archivo" data-id="' + escape(a.id) + '">' +
      '<a href="' + escape(base + '/' + encodeURIComponent(a.id) + '/data') + '" target="_blank" rel="noopener">' +
      escape(a.name || 'archivo') + '</a>' +
      (a.description ? ' <span class="text-muted">— ' + escape(a.description) + '</span>' : '') +
      ' <button type="button" class="btn btn-link btn-xs cc-evidencia-quitar" aria-label="Quitar ' +
      escape(a.name || 'archivo') + '">Quitar</button></li>').join('');
  }

  list.addEventListener('click', async event => {
    const remove = event.target.closest('.cc-evidencia-quitar');
    if (!remove) {
      return;
    }
    const item = remove.closest('li');
    remove.disabled = true;
    const response = await fetch(base + '/' + encodeURIComponent(item.dataset.id),
      { method: 'DELETE', headers, credentials: 'same-origin' });
    if (response.ok) {
      say('Se quitó el archivo.', 'ok');
    } else {
      say(await messageOf(response, 'No se pudo quitar el archivo'), 'error');
    }
    refresh();
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) {
      say('Elija un archivo para anexar.', 'error');
      file.focus();
      return;
    }
    if (chosen.size > MAX_BYTES) {
      say('El archivo «' + chosen.name + '» pesa ' + size(chosen.size) + ': el máximo es 10 MB.', 'error');
      return;
    }
    const body = new FormData();
    body.append('attachment-name', chosen.name);
    body.append('attachment-type', chosen.type || 'application/octet-stream');
    if (description.value.trim()) {
      body.append('attachment-description', description.value.trim());
    }
    body.append('content', chosen, chosen.name); // the browser sets the multipart boundary
    button.disabled = true;
    say('Anexando «' + chosen.name + '»…', 'ok');
    try {
      const response = await fetch(base + '/create', { method: 'POST', headers, body, credentials: 'same-origin' });
      if (response.ok) {
        say('Se anexó «' + chosen.name + '» (' + size(chosen.size) + ').', 'ok');
        form.reset();
        showChosen();
      } else {
        say(await messageOf(response, 'No se pudo anexar el archivo'), 'error');
      }
    } catch (network) {
      say('No se pudo anexar el archivo: sin conexión con la plataforma. Intente de nuevo.', 'error');
    } finally {
      button.disabled = false;
      refresh();
    }
  });

  refresh();
}

export default [{
  id: 'cocreacion-evidencia',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  properties: { label: 'Evidencia' },
  render
}];
