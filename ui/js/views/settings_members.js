// Settings' members panel (issue 20), for a workspace on PostgreSQL: who may look (viewer),
// change records (editor) or also manage members (admin). Every member sees the list; only
// admins get the form and the remove buttons, and the server's grants decide either way.
// A new member's password goes to the backend once and is never shown again.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { field, show, statusLine, textInput } from './form.js';

const ROLES = ['viewer', 'editor', 'admin'];

/** The panel for a server workspace; null for a folder or while none is open. */
export function membersPanel(app) {
  const { t, workspace } = app;
  if (!workspace.info || !workspace.server) return null;
  const isAdmin = workspace.role === 'admin';
  const status = statusLine('members-status');
  const list = el('div', { id: 'members-list', 'aria-busy': 'true' });
  const panel = el(
    'section',
    { class: 'panel members-panel', id: 'members-panel', 'aria-labelledby': 'members-heading' },
    el('h2', { id: 'members-heading' }, t('members.title')),
    el('p', { class: 'hint' }, t('members.intro')),
    el('p', { id: 'members-you' }, t('members.you', { role: t(`team.role.${workspace.role ?? 'viewer'}`) })),
    list,
    isAdmin ? addForm(app, list, status) : el('p', { class: 'hint', id: 'members-admins-only' }, t('members.admins_only')),
    status,
  );
  api
    .teamList()
    .then((members) => drawList(app, list, members, status))
    .catch((error) => show(status, error.message, 'error'))
    .finally(() => list.removeAttribute('aria-busy'));
  return panel;
}

function drawList(app, host, members, status) {
  const { t, workspace } = app;
  const isAdmin = workspace.role === 'admin';
  const row = (member) =>
    el(
      'tr',
      { dataset: { member: member.name } },
      el('td', { class: 'path' }, member.name),
      el('td', {}, t(`team.role.${member.role}`), member.owner ? el('span', { class: 'hint' }, ` (${t('team.owner')})`) : null),
      el('td', {}, isAdmin && !member.owner ? removeButton(app, host, member, status) : null),
    );
  host.replaceChildren(
    el(
      'table',
      { class: 'members' },
      el('thead', {}, el('tr', {}, el('th', {}, t('members.name')), el('th', {}, t('members.role')), el('th', {}, ''))),
      el('tbody', {}, members.map(row)),
    ),
  );
}

function removeButton(app, host, member, status) {
  const { t } = app;
  const button = el(
    'button',
    {
      type: 'button',
      dataset: { action: 'member-remove' },
      'aria-label': t('members.remove_named', { name: member.name }),
      onclick: async () => {
        if (!window.confirm(t('members.remove_confirm', { name: member.name }))) return;
        button.disabled = true;
        try {
          drawList(app, host, await api.teamRemove(member.name), status);
          show(status, t('members.removed', { name: member.name }), 'ok');
        } catch (error) {
          show(status, error.message, 'error');
          button.disabled = false;
        }
      },
    },
    t('members.remove'),
  );
  return button;
}

function addForm(app, host, status) {
  const { t } = app;
  const name = textInput('member_name', '', { spellcheck: false });
  const role = el(
    'select',
    { id: 'member_role', name: 'member_role' },
    ROLES.map((r) => el('option', { value: r, selected: r === 'editor' }, t(`team.role.${r}`))),
  );
  const password = el('input', { id: 'member_password', name: 'member_password', type: 'password', autocomplete: 'new-password' });
  const submit = el('button', { type: 'submit', class: 'primary', dataset: { action: 'member-add' } }, t('members.add'));
  const form = el(
    'form',
    { class: 'form', id: 'member-form', novalidate: true },
    field('member_name', t('members.name'), name, t('members.name_hint')),
    field('member_role', t('members.role'), role, t('members.role_hint')),
    field('member_password', t('members.password'), password, t('members.password_hint')),
    el('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    show(status, '', '');
    try {
      const members = await api.teamAdd(name.value, role.value, password.value || null);
      password.value = '';
      drawList(app, host, members, status);
      show(status, t('members.added', { name: name.value.trim(), role: t(`team.role.${role.value}`) }), 'ok');
      name.value = '';
    } catch (error) {
      password.value = '';
      show(status, error.message, 'error');
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
