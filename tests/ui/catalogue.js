// The message catalogues as the app has them (core/messages/<lang>.ftl), for the UI tests:
// the Fluent source, the ids of its messages, and whether a call-site key has a message.

import { readFileSync } from 'node:fs';
import { bundleOf, fluentId } from '../../ui/js/lib/i18n.js';

/** The Fluent source of one language's catalogue. */
export function ftlSource(lang) {
  return readFileSync(new URL(`../../src-tauri/crates/core/messages/${lang}.ftl`, import.meta.url), 'utf8');
}

/** { source, ids, has(key), errors } of one language; `has` takes call-site keys ('nav.dashboard'). */
export function catalogueOf(lang) {
  const source = ftlSource(lang);
  const { bundle, resource, errors } = bundleOf(source, lang);
  const ids = new Set(resource.body.map((message) => message.id));
  return { source, ids, resource, errors, has: (key) => bundle.hasMessage(fluentId(key)) };
}
