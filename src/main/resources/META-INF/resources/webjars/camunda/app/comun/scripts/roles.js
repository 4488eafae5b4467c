/*
 * Cocreación desde lo local: what Tasklist and Cockpit offer depends on who uses them.
 *
 * The people of an entidad work the tasks the process gives them; creating free tasks, moving a task's due
 * date (reminders depend on it) and personal follow-up dates are the administration's. In Cockpit the INAI
 * supervises: deleting or suspending instances, editing variables, retrying jobs are the administration's.
 * The server refuses all of it to everyone else (docs/security.md). This script asks the webapps who is
 * logged in and marks the page with the class "cc-administracion" for the administration (the accounts that
 * may open Admin); each app's styles/user-styles.css hides those controls from everyone else, so nobody is
 * offered what would be refused. Loaded by Tasklist and Cockpit (their scripts/config.js).
 */

import { appRoot as root } from './pagina.js';

const ADMINISTRATION = 'cc-administracion';

async function mark() {
  try {
    const response = await fetch(root + '/api/admin/auth/user/default', { credentials: 'same-origin',
      headers: { Accept: 'application/json' } });
    const user = response.ok ? await response.json() : null;
    const administration = !!(user && user.authorizedApps && user.authorizedApps.indexOf('admin') >= 0);
    document.body.classList.toggle(ADMINISTRATION, administration);
  } catch (offline) {
    document.body.classList.remove(ADMINISTRATION);
  }
}

// At start and after each login or logout (Tasklist changes the page without reloading it).
mark();
window.addEventListener('hashchange', mark);
document.addEventListener('click', event => {
  if (event.target.closest && event.target.closest('form[name="signinForm"] button, .logout, [ng-click*="logout"]')) {
    setTimeout(mark, 1500);
  }
});

export default [];
