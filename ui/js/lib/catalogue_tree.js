// Pure helpers of the catalogue screen: the two orders of the tree, search hits, and which
// dropped file to import.

/** Compares IDs such as '1.10' and '1.9' part by part, numbers numerically. */
export function compareIds(a, b) {
  const pa = String(a).split(/[.-]/);
  const pb = String(b).split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    const order = Number.isNaN(na) || Number.isNaN(nb) ? pa[i].localeCompare(pb[i]) : na - nb;
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The sections of the tree in the chosen order: 'vcs' gives the chapters as they are;
 * '5112' regroups the questions under the ISO/PAS 5112 groups by the prefix of their 5112 ID,
 * sorted by that ID. Questions whose group is unknown end up in a last section.
 */
export function sections(tree, order, ungroupedTitle = '') {
  if (order !== '5112') {
    return tree.chapters.map((c) => ({ id: c.id, title: c.title, questions: c.questions }));
  }
  const questions = tree.chapters.flatMap((c) => c.questions);
  const byGroup = new Map(tree.groups_5112.map((g) => [g.id, { id: g.id, title: g.title, questions: [] }]));
  const rest = { id: '', title: ungroupedTitle, questions: [] };
  for (const q of questions) {
    const group = byGroup.get(String(q.id_5112).split('.')[0]);
    (group ?? rest).questions.push(q);
  }
  const result = [...byGroup.values()].filter((s) => s.questions.length).sort((a, b) => compareIds(a.id, b.id));
  if (rest.questions.length) result.push(rest);
  for (const s of result) s.questions.sort((a, b) => compareIds(a.id_5112, b.id_5112));
  return result;
}

/** Search hits ([{ question, requirement }]) as sets of question and requirement IDs. */
export function hitSets(hits) {
  const questions = new Set();
  const requirements = new Set();
  for (const hit of hits) {
    questions.add(hit.question);
    if (hit.requirement) requirements.add(hit.requirement);
  }
  return { questions, requirements, count: hits.length };
}

const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;

/** The first dropped path that looks like a workbook, or null. */
export function workbookAmong(paths) {
  return paths.find((p) => WORKBOOK.test(p)) ?? null;
}
