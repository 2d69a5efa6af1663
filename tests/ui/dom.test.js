// Unit tests of ui/js/lib/dom.js's `shown` and `replaceShown`: a preview with nothing to show
// in some of its parts (no changes, no measures, no skipped rows) must not print "null".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replaceShown, shown } from '../../ui/js/lib/dom.js';

test('parts that are not there are dropped, everything else kept in order', () => {
  assert.deepEqual(shown(null, 'a', undefined, false, ['b', null], 0, ''), ['a', 'b', 0, '']);
});

test('a workbook preview without changes, measures or skipped rows shows none of them, not "nullnullnull"', () => {
  // replaceChildren turns every argument that is not a node into text, null into "null".
  const host = {
    text: '',
    replaceChildren(...children) {
      this.text = children.map(String).join('');
    },
  };
  host.replaceChildren(null, null, null);
  assert.equal(host.text, 'nullnullnull', 'what the audit import used to show');
  replaceShown(host, null, null, null);
  assert.equal(host.text, '');
  replaceShown(host, 'table', null, 'skipped');
  assert.equal(host.text, 'tableskipped');
});
