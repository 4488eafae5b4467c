/*
 * Cocreación desde lo local: the start form of an exercise offers the person's own entidades.
 *
 * forms/start-local-exercise.form lists the 32 entidades (a form-js select of a start form cannot be filled from
 * the server), and the server accepts only the starter's own (mx.cocreacion.exercise.StarterTenants). This
 * script, loaded through customScripts (scripts/config.js), asks the engine which entidades the person belongs
 * to: with one, the list gives way to its name (the field stays empty and the server uses the account's
 * entidad); with several, the list offers only those. The administration, who may start for any, sees all 32.
 */

import { alCambiarLaPagina, appRoot as root } from '../../comun/scripts/pagina.js';

const OWN = 'cc-entidad-propia';
let person = null; // {userId, administration, entidades: [{id, name}], askedAt}: asked again after 30 s

async function json(path) {
  const response = await fetch(root + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

async function who() {
  if (person && Date.now() - person.askedAt < 30000) {
    return person;
  }
  const user = await json('/api/admin/auth/user/default');
  if (!user || !user.userId) {
    return null;
  }
  if (person && person.userId === user.userId) {
    person.askedAt = Date.now();
    return person;
  }
  const administration = (user.authorizedApps || []).indexOf('admin') >= 0;
  const entidades = administration ? []
    : await json('/api/engine/engine/default/tenant?userMember=' + encodeURIComponent(user.userId)) || [];
  person = { userId: user.userId, administration, entidades, askedAt: Date.now() };
  return person;
}

/** The start form's entidad field (its form-js container), if the start form is on screen. */
function entityField() {
  const input = document.querySelector('.fjs-form [id$="-Field_Entity"], .fjs-form [id$="-Field_Entity-search"]');
  return input ? input.closest('.fjs-form-field') : null;
}

function showOnly(field, names) {
  for (const item of field.querySelectorAll('.fjs-dropdownlist-item')) {
    const shown = names.has(item.textContent.trim());
    if (item.hidden === shown) {
      item.hidden = !shown;
    }
  }
}

function replaceWithName(field, entidad) {
  if (field.previousElementSibling && field.previousElementSibling.classList.contains(OWN)) {
    return;
  }
  field.hidden = true;
  const own = document.createElement('p');
  own.className = OWN;
  own.append('Entidad federativa: ');
  const name = document.createElement('strong');
  name.textContent = entidad.name || entidad.id;
  own.append(name, ' (la de su cuenta).');
  field.parentNode.insertBefore(own, field);
}

let asking = false;
async function adapt() {
  const field = entityField();
  if (!field || field.hidden || asking) {
    return;
  }
  asking = true;
  try {
    const starter = await who();
    if (!starter || starter.administration || starter.entidades.length === 0) {
      return;
    }
    if (starter.entidades.length === 1) {
      replaceWithName(field, starter.entidades[0]);
    } else {
      showOnly(field, new Set(starter.entidades.map(e => e.name)));
    }
  } catch (offline) {
    // the list stays whole; the server still refuses an entidad that is not the person's
  } finally {
    asking = false;
  }
}

alCambiarLaPagina(adapt);

// Tasklist treats a custom script's default export as front-end plugins; this one adds none.
export default [];
