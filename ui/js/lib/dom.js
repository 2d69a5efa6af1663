// A small element builder: el('p', { class: 'hint', id: 'x' }, 'text', child).

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG: svg('rect', { x: 0, width: 10 }, svg('title', {}, 'tooltip')). Attributes only. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

/**
 * The parts of a panel that are there: drops null, undefined and false, which
 * `replaceChildren` and `append` would otherwise show as the words "null" or "false".
 */
export function shown(...parts) {
  return parts.flat().filter((part) => part !== undefined && part !== null && part !== false);
}

/** Replaces `host`'s children with the parts of `parts` that are there (see `shown`). */
export function replaceShown(host, ...parts) {
  host.replaceChildren(...shown(...parts));
}
