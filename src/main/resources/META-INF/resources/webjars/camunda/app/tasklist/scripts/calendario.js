/*
 * Cocreación desde lo local: «Mi calendario» in Tasklist's header, a link to /cuenta/calendario, where the
 * logged-in person creates or renews the secret URL of their calendar feed (their tasks' due dates and their
 * entidad's public milestones). The page is served by the application in the same session as Tasklist.
 */
export default {
  id: 'cc-mi-calendario',
  pluginPoint: 'tasklist.navbar.action',
  priority: 1,
  render(node) {
    const link = document.createElement('a');
    link.href = '/cuenta/calendario';
    link.className = 'cc-mi-calendario';
    link.textContent = 'Mi calendario';
    link.title = 'Vea en su calendario cuándo vencen sus tareas';
    node.appendChild(link);
  }
};
