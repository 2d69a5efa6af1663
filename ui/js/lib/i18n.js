// Message lookup and formatting over the catalogue the backend sends: the Project Fluent
// source of core/messages/<lang>.ftl, formatted by the reference implementation
// (@fluent/bundle, vendored in ui/vendor/fluent-bundle). Core formats the same files with the
// Rust fluent-bundle crate, with the same rules for arguments (core/src/i18n.rs):
//  - a call-site key 'nav.dashboard' is the Fluent id 'nav-dashboard' (ids have no dots);
//  - a whole number, or text that is exactly one ('3'), reaches Fluent as a number, so plural
//    selection works, and prints without grouping ('20000' in both languages);
//  - text that is exactly an ISO day ('2027-08-18') is shown in the language's date format;
//  - no Unicode isolation marks, and a missing argument shows as '{$name}'.

import { FluentBundle, FluentNumber, FluentResource } from '../../vendor/fluent-bundle/index.js';
import { formatDate, isIsoDay } from './countdown.js';

/** The Fluent id of a call-site key: '.' → '-'. */
export function fluentId(key) {
  return String(key).replaceAll('.', '-');
}

const WHOLE = /^-?\d{1,15}$/;

/** How one argument reaches Fluent (see the head of this file). */
function fluentArg(value, lang) {
  if (typeof value === 'number' && Number.isFinite(value)) return new FluentNumber(value, { useGrouping: false });
  if (typeof value === 'string' && WHOLE.test(value) && String(Number(value)) === value) {
    return new FluentNumber(Number(value), { useGrouping: false });
  }
  if (typeof value === 'string' && isIsoDay(value)) return formatDate(value, lang);
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);
}

/** A FluentBundle over the Fluent `source` in `lang`, and the syntax errors found in it. */
export function bundleOf(source, lang = 'en') {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const resource = new FluentResource(source);
  const errors = bundle.addResource(resource);
  return { bundle, resource, errors };
}

/** A lookup function t(key, args) over one language's Fluent source; a missing key shows itself. */
export function translator(source, lang = 'en') {
  const { bundle } = bundleOf(typeof source === 'string' ? source : '', lang);
  return (key, args = {}) => {
    const message = bundle.getMessage(fluentId(key));
    if (!message?.value) return key;
    const fluentArgs = {};
    for (const [name, value] of Object.entries(args ?? {})) fluentArgs[name] = fluentArg(value, lang);
    return bundle.formatPattern(message.value, fluentArgs, []);
  };
}
