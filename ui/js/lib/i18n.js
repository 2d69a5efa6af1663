// Message lookup and formatting over the catalogue the backend sends (core/messages/*.txt),
// with the same syntax as core's `i18n::fill`: `{name}`, and `{name|one|other}` for a count
// (`#` stands for the number; `one` is for exactly 1, the plural rule of English and German).

/** Replaces each {name} in template by args[name]; unknown names stay visible. */
export function format(template, args = {}) {
  return template.replace(/\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g, (whole, name, one, other) => {
    if (!(name in args)) return whole;
    const value = String(args[name]);
    if (one === undefined) return value;
    return (value.trim() === '1' ? one : other).replaceAll('#', value);
  });
}

/** A lookup function t(key, args) over one language's messages; a missing key shows itself. */
export function translator(messages) {
  return (key, args) => format(Object.hasOwn(messages, key) ? messages[key] : key, args);
}
