// The screens of the app, in navigation order, and which one a location hash names.

export const SCREENS = ['dashboard', 'catalogue', 'scope', 'evidence', 'audits', 'deadlines', 'export', 'settings'];

/** '#/settings' → 'settings'; anything unknown → 'dashboard'. */
export function screenFromHash(hash) {
  const name = String(hash ?? '').replace(/^#\/?/, '').split(/[/?]/)[0];
  return SCREENS.includes(name) ? name : 'dashboard';
}

export const hrefOf = (screen) => `#/${screen}`;
