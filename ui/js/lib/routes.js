// The screens of the app, in navigation order, and which one a location hash names.

export const SCREENS = ['dashboard', 'catalogue', 'scope', 'evidence', 'audits', 'deadlines', 'export', 'history', 'settings'];

/** '#/settings' → 'settings'; anything unknown → 'dashboard'. */
export function screenFromHash(hash) {
  const name = String(hash ?? '').replace(/^#\/?/, '').split(/[/?]/)[0];
  return SCREENS.includes(name) ? name : 'dashboard';
}

export const hrefOf = (screen) => `#/${screen}`;

/**
 * The parameters after '?' in a hash as a plain object:
 * '#/evidence?tab=requirements&scope=3&req=1.1.a' → { tab: 'requirements', scope: '3', req: '1.1.a' }.
 * A repeated name keeps its last value.
 */
export function paramsFromHash(hash) {
  const text = String(hash ?? '');
  const start = text.indexOf('?');
  if (start < 0) return {};
  return Object.fromEntries(new URLSearchParams(text.slice(start + 1)));
}

/** The hash of `screen` with `params` (empty values left out): '#/evidence?tab=requirements'. */
export function hrefWith(screen, params = {}) {
  const query = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${hrefOf(screen)}?${query}` : hrefOf(screen);
}

/**
 * A record's id from a hash parameter, a select's value or a remembered id: '3' or 3 → 3;
 * missing, empty or anything but a whole number above zero (a name from an older link, say)
 * → null, which the screens take as "the first one".
 */
export function idFromParam(value) {
  const text = String(value ?? '').trim();
  const id = Number(text);
  return /^[1-9]\d*$/.test(text) && Number.isSafeInteger(id) ? id : null;
}

/**
 * Where a record the one search found (Ctrl+K) is shown: { kind, id, scope, audit } → the
 * hash of its screen, naming the record. Requirements and questions open on the evidence
 * screen's requirements tab, evidence items in the vault, findings and actions with their
 * audit, locations and scopes on their tab of the scope screen.
 */
export function hrefOfFound(found) {
  switch (found?.kind) {
    case 'requirement':
    case 'question':
      return hrefWith('evidence', { tab: 'requirements', req: found.id });
    case 'evidence':
      return hrefWith('evidence', { id: found.id });
    case 'finding':
    case 'action':
      return hrefWith('audits', { scope: found.scope, audit: found.audit });
    case 'location':
      return hrefWith('scope', { tab: 'locations', location: found.id });
    case 'scope':
      return hrefWith('scope', { tab: 'scopes', scope: found.id });
    default:
      return hrefOf('dashboard');
  }
}

/**
 * The option a key moves to in a list of `count` (ArrowDown and ArrowUp wrap round; Home and
 * End stay with the text field, as in any combobox).
 */
export function movedOption(index, count, key) {
  if (count <= 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return index < 0 ? 0 : (index + 1) % count;
    case 'ArrowUp':
      return index <= 0 ? count - 1 : index - 1;
    default:
      return index;
  }
}
