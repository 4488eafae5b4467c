/*
 * Cocreación desde lo local: what the INAI supervises in Cockpit, readable.
 *
 * Cockpit CE lists running instances only, shows variables as raw JSON and has no audit view. This script,
 * loaded through customScripts (scripts/config.js), adds three read-only plugins:
 *
 *  - on the dashboard, «Ejercicios locales»: every exercise, running or finished, with its entidad, step,
 *    progress of the PAL and commitments, and links to its instance (running), its microsite page and its
 *    open data (the results of a finished one);
 *  - on an instance, the tab «Compromisos»: the exercise's approved commitments as a table (responsible,
 *    progress, activities done, reports), from the public open data, instead of the raw JSON variables;
 *  - on an instance, the tab «Registro de auditoría»: who did what in the exercise (every step and commitment
 *    instance under the same root), from the engine's operation log, newest first.
 *
 * All of it reads what the person may read already (engine REST with their session, public open data).
 */

const ZONE = 'America/Mexico_City';
const PAGE = 50;
const dateTime = new Intl.DateTimeFormat('es-MX', { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('es-MX', { timeZone: ZONE, dateStyle: 'medium' });

const OPERATIONS = {
  Complete: 'Completó la tarea', Claim: 'Tomó la tarea', Assign: 'Asignó la tarea', Delegate: 'Delegó la tarea',
  Resolve: 'Resolvió la tarea', SetOwner: 'Cambió quién es responsable', SetPriority: 'Cambió la prioridad',
  Update: 'Cambió la tarea', Create: 'Creó', Delete: 'Eliminó', DeleteHistory: 'Eliminó el historial',
  SetVariable: 'Cambió una variable', SetVariables: 'Cambió variables', ModifyVariable: 'Cambió variables',
  RemoveVariable: 'Quitó una variable', Suspend: 'Suspendió', Activate: 'Reactivó', SetJobRetries: 'Reintentó un trabajo',
  AddAttachment: 'Anexó un archivo', DeleteAttachment: 'Retiró un archivo', AddUserLink: 'Agregó a una persona',
  DeleteUserLink: 'Quitó a una persona', AddGroupLink: 'Agregó un grupo', DeleteGroupLink: 'Quitó un grupo',
  ModifyProcessInstance: 'Modificó la instancia', Migrate: 'Migró', CorrelateMessage: 'Correlacionó un mensaje',
  SetRemovalTime: 'Cambió la conservación del historial', SetAnnotation: 'Anotó', ClearAnnotation: 'Quitó una anotación'
};
const ENTITIES = {
  Task: 'Tarea', ProcessInstance: 'Instancia', Variable: 'Variable', Attachment: 'Archivo', IdentityLink: 'Candidatos',
  Job: 'Trabajo', JobDefinition: 'Definición de trabajo', ProcessDefinition: 'Definición', Deployment: 'Despliegue',
  Incident: 'Incidente', Batch: 'Lote', OperationLog: 'Registro'
};
const STATUS = { done: 'concluida', 'in-progress': 'en curso', 'not-started': 'no iniciada' };

const esc = value => String(value === null || value === undefined ? '' : value)
  .replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
const when = iso => (iso ? dateTime.format(new Date(iso)) : '');
const day = iso => (iso ? dateOnly.format(new Date(iso.length === 10 ? iso + 'T12:00:00Z' : iso)) : '');

async function read(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error('HTTP ' + response.status);
  }
  return response.json();
}

/** "oax-2026" → {tenant: "oax", year: "2026"}; null for another key. */
function exerciseOf(businessKey) {
  const match = /^([a-z]{3})-(\d{4})$/.exec(businessKey || '');
  return match ? { tenant: match[1], year: match[2] } : null;
}

function message(node, text) {
  node.innerHTML = '<p class="cc-supervision-nota">' + esc(text) + '</p>';
}

// --- Dashboard: «Ejercicios locales» ----------------------------------------------------------------------

async function renderExercises(node, { api }) {
  node.innerHTML = '<section class="cc-supervision"><h3>Ejercicios locales</h3>'
    + '<p class="cc-supervision-nota">Todos los ejercicios de las entidades que usted supervisa, en curso y concluidos. '
    + 'Los resultados de un ejercicio concluido están en su página del micrositio y en sus datos abiertos.</p>'
    + '<div class="cc-supervision-tabla"></div><button type="button" class="btn btn-default cc-supervision-mas">'
    + 'Mostrar más</button></section>';
  const table = node.querySelector('.cc-supervision-tabla');
  const more = node.querySelector('.cc-supervision-mas');
  more.style.display = 'none';
  let results = {};
  try {
    for (const exercise of await read('/api/public/exercises')) {
      results[exercise.businessKey] = exercise;
    }
  } catch (unavailable) {
    results = {};
  }
  const rows = [];
  const show = () => {
    table.innerHTML = '<table class="cam-table"><thead><tr><th>Entidad</th><th>Clave</th><th>Estado</th>'
      + '<th>Compromisos</th><th>Avance del PAL</th><th>Inicio</th><th>Fin</th><th>Ver</th></tr></thead><tbody>'
      + rows.join('') + '</tbody></table>';
  };
  const load = async first => {
    const instances = await read(api.engineApi + '/history/process-instance?processDefinitionKey=local-exercise'
      + '&sortBy=startTime&sortOrder=desc&firstResult=' + first + '&maxResults=' + PAGE);
    for (const instance of instances) {
      const result = results[instance.businessKey] || {};
      const key = exerciseOf(instance.businessKey);
      const finished = !!instance.endTime;
      const state = finished ? (instance.state === 'COMPLETED' ? 'Concluido' : 'Terminado sin concluir')
        : 'En curso' + (result.currentStep ? ': paso ' + result.currentStep + ' de 6' : '');
      const links = [];
      if (!finished) {
        links.push('<a href="#/process-instance/' + encodeURIComponent(instance.id) + '/runtime">Instancia</a>');
      }
      if (key) {
        links.push('<a href="/micrositio/' + esc(key.tenant) + '/' + esc(key.year) + '" target="_blank" rel="noopener">'
          + 'Micrositio</a>');
        links.push('<a href="/api/public/exercises/' + esc(key.tenant) + '/commitments?year=' + esc(key.year)
          + '" target="_blank" rel="noopener">Datos abiertos</a>');
      }
      rows.push('<tr class="' + (finished ? 'cc-concluido' : 'cc-en-curso') + '">'
        + '<td>' + esc(result.entityName || instance.tenantId) + '</td>'
        + '<td>' + esc(instance.businessKey) + '</td>'
        + '<td>' + esc(state) + '</td>'
        + '<td>' + esc(result.commitments === undefined ? '' : result.commitments
          + (result.starredCommitments ? ' (' + result.starredCommitments
            + (result.starredCommitments === 1 ? ' destacado)' : ' destacados)') : '')) + '</td>'
        + '<td>' + esc(result.palProgress === undefined ? '' : result.palProgress + ' %') + '</td>'
        + '<td>' + esc(day(instance.startTime)) + '</td>'
        + '<td>' + esc(day(instance.endTime)) + '</td>'
        + '<td>' + links.join(' · ') + '</td></tr>');
    }
    show();
    more.style.display = instances.length < PAGE ? 'none' : '';
    return first + instances.length;
  };
  try {
    let next = await load(0);
    if (rows.length === 0) {
      message(table, 'Todavía no hay ejercicios.');
    }
    more.addEventListener('click', async () => {
      next = await load(next);
    });
  } catch (failure) {
    message(table, 'No se pudieron leer los ejercicios (' + failure.message + ').');
  }
}

// --- Instance: «Compromisos» ------------------------------------------------------------------------------

async function renderCommitments(node, { api, processInstanceId }) {
  message(node, 'Cargando los compromisos…');
  try {
    const instance = await read(api.engineApi + '/history/process-instance/' + encodeURIComponent(processInstanceId));
    const key = exerciseOf(instance.businessKey);
    if (!key) {
      message(node, 'Esta instancia no pertenece a un ejercicio local.');
      return;
    }
    const data = await read('/api/public/exercises/' + key.tenant + '/commitments?year=' + key.year);
    const approved = (data.commitments || []).filter(c => c.approved);
    if (approved.length === 0) {
      message(node, 'El ejercicio ' + instance.businessKey + ' todavía no tiene compromisos aprobados (se aprueban en '
        + 'el paso 4, mesas de trabajo).');
      return;
    }
    node.innerHTML = '<p class="cc-supervision-nota">Compromisos aprobados del ejercicio ' + esc(instance.businessKey)
      + ' (' + esc(data.exercise && data.exercise.entityName) + '); avance del PAL: '
      + esc(data.exercise ? data.exercise.palProgress : '') + ' %. '
      + '<a href="/micrositio/' + esc(key.tenant) + '/' + esc(key.year) + '" target="_blank" rel="noopener">'
      + 'Ver en el micrositio</a></p>'
      + '<table class="cam-table cc-compromisos"><thead><tr><th>Nº</th><th>Compromiso</th><th>Responsable</th>'
      + '<th>Avance</th><th>Actividades</th><th>Informes</th></tr></thead><tbody>'
      + approved.map(c => {
        const activities = c.activities || [];
        const done = activities.filter(a => a.status === 'done').length;
        const list = activities.map(a => '<li>' + esc(a.title || a.product) + ': ' + esc(STATUS[a.status] || a.status)
          + (a.dueDate ? ' (vence ' + esc(day(a.dueDate)) + ')' : '') + '</li>').join('');
        const reports = (c.reports || []).length;
        return '<tr><td>' + esc(c.position) + '</td>'
          + '<td><strong>' + esc(c.title) + '</strong>' + (c.starred ? ' <span class="label label-success">destacado</span>' : '')
          + '<br><small>' + esc(c.problem) + '</small></td>'
          + '<td>' + esc(c.responsible) + '</td>'
          + '<td>' + esc(c.progress) + ' %</td>'
          + '<td>' + done + ' de ' + activities.length + ' concluidas<ul>' + list + '</ul></td>'
          + '<td>' + reports + '</td></tr>';
      }).join('') + '</tbody></table>';
  } catch (failure) {
    message(node, 'No se pudieron leer los compromisos (' + failure.message + ').');
  }
}

// --- Instance: «Registro de auditoría» --------------------------------------------------------------------

async function renderAudit(node, { api, processInstanceId }) {
  message(node, 'Cargando el registro…');
  try {
    const instance = await read(api.engineApi + '/history/process-instance/' + encodeURIComponent(processInstanceId));
    const root = instance.rootProcessInstanceId || instance.id;
    const family = await read(api.engineApi + '/history/process-instance?rootProcessInstanceId='
      + encodeURIComponent(root) + '&maxResults=500');
    const names = {};
    family.forEach(i => { names[i.id] = i.processDefinitionName || i.processDefinitionKey; });
    const lists = await Promise.all(family.map(i => read(api.engineApi + '/history/user-operation?processInstanceId='
      + encodeURIComponent(i.id) + '&sortBy=timestamp&sortOrder=desc&maxResults=500')));
    const tasks = {};
    if (instance.businessKey) {
      (await read(api.engineApi + '/history/task?processInstanceBusinessKey=' + encodeURIComponent(instance.businessKey)
        + '&maxResults=2000')).forEach(t => { tasks[t.id] = t.name; });
    }
    const about = e => (e.taskId && tasks[e.taskId] ? '«' + tasks[e.taskId] + '»' : ENTITIES[e.entityType] || e.entityType);
    const seen = new Set();
    const entries = [].concat(...lists).filter(e => {
      const first = !seen.has(e.operationId);
      seen.add(e.operationId);
      return first; // one line per operation (an operation logs one entry per property)
    }).sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1));
    if (entries.length === 0) {
      message(node, 'Nadie ha hecho todavía operaciones en este ejercicio.');
      return;
    }
    node.innerHTML = '<p class="cc-supervision-nota">Quién hizo qué en el ejercicio ' + esc(instance.businessKey)
      + ' (todos sus pasos), de lo más reciente a lo más antiguo. Hora de la Ciudad de México.</p>'
      + '<table class="cam-table cc-auditoria"><thead><tr><th>Fecha</th><th>Persona</th><th>Operación</th>'
      + '<th>Sobre</th><th>Proceso</th></tr></thead><tbody>'
      + entries.map(e => '<tr><td>' + esc(when(e.timestamp)) + '</td><td>' + esc(e.userId || 'el sistema') + '</td>'
        + '<td>' + esc(OPERATIONS[e.operationType] || e.operationType) + '</td>'
        + '<td>' + esc(about(e)) + '</td>'
        + '<td>' + esc(names[e.processInstanceId] || '') + '</td></tr>').join('')
      + '</tbody></table>';
  } catch (failure) {
    message(node, 'No se pudo leer el registro (' + failure.message + ').');
  }
}

export default [
  {
    id: 'cc-ejercicios-locales',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: renderExercises
  },
  {
    id: 'cc-compromisos',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    properties: { label: 'Compromisos' },
    render: renderCommitments
  },
  {
    id: 'cc-auditoria',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 15,
    properties: { label: 'Registro de auditoría' },
    render: renderAudit
  }
];
