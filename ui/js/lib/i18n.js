// Message lookup and formatting over the catalogue the backend sends (core/messages/*.txt).

/** Replaces each {name} in template by args[name]; unknown names stay visible. */
export function format(template, args = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

/** A lookup function t(key, args) over one language's messages; a missing key shows itself. */
export function translator(messages) {
  return (key, args) => format(Object.hasOwn(messages, key) ? messages[key] : key, args);
}
