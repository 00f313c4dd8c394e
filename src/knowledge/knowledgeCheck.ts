import { alternateFigures, withoutAlternate } from './alternateCheck.js';
import { FacetChooser } from './facetChooser.js';
import type { FaqIndex } from './faqIndex.js';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledgeBase.js';
import { loadFaq } from './loadFaq.js';
import { checkTwins } from './twinCheck.js';

/**
 * What `npm run kb:check` checks, for the command and for anything that writes knowledge files (the
 * editors' taught phrasings, src/knowledge/taughtFiles.ts): every file valid (loading the knowledge
 * base validates each one with zod and the cross-entry rules), and every English entry with a
 * Spanish twin that agrees on the facts. These fail the check; the retrieval figures below are
 * reported, for editors to read.
 */
export async function checkKnowledgeFiles(dir: string): Promise<string[]> {
  let knowledge: KnowledgeBase;
  try {
    knowledge = await loadKnowledgeBase(dir);
  } catch (error) {
    return [(error as Error).message];
  }
  return twinProblems(dir, knowledge);
}

async function twinProblems(dir: string, knowledge: KnowledgeBase): Promise<string[]> {
  const twins = checkTwins(knowledge.index.entries, knowledge.es ? knowledge.es.index.entries : await loadFaq(dir, 'es'));
  return twins.map(({ id, problem }) => `${id}: ${problem}`);
}

/**
 * kb:check in full: validates every knowledge file, then asks the question support editors care
 * about: does each alternate phrasing still find its own entry first? An alternate is checked
 * against an index built without it, so it cannot simply find itself. Prints as it goes; returns
 * the process's exit code (1 when a file is invalid or a Spanish twin is missing or disagrees).
 */
export async function runKbCheck(dir: string, print: (line: string) => void): Promise<number> {
  const knowledge = await loadKnowledgeBase(dir);
  const { index, cannedReplies, es } = knowledge;
  print(`kb:check: ${index.entries.length} FAQ entries, ${index.outOfScope.length} known gaps, ${cannedReplies.length} canned replies, policy and catalogue valid`);

  const figures = alternateFigures(index);
  for (const conflict of figures.conflicts) print(`  ${conflict.entryId}: "${conflict.alternate}" matches ${conflict.matches} better`);
  print(`kb:check: ${figures.own}/${figures.checked} alternates find their own entry first`);

  // Within an entry with facets: does each phrasing get the first sentence of its own question?
  facetFigures(index, '', print);

  // Spanish: every English entry has a twin that states the same facts (docs/spanish.md).
  const twins = await twinProblems(dir, knowledge);
  for (const problem of twins) print(`  ${problem}`);
  if (es) {
    const spanish = alternateFigures(es.index);
    for (const conflict of spanish.conflicts) print(`  ${conflict.entryId} (es): "${conflict.alternate}" matches ${conflict.matches} better`);
    print(`kb:check: ${spanish.own}/${spanish.checked} Spanish alternates find their own entry first`);
    facetFigures(es.index, 'Spanish ', print);
  }
  const disagreeing = new Set(twins.map((line) => line.slice(0, line.indexOf(':')))).size;
  print(`kb:check: ${index.entries.length - disagreeing}/${index.entries.length} English entries have a Spanish twin that agrees on every number, phone number, date rule and test code`);
  return twins.length ? 1 : 0;
}

/**
 * Within each entry with facets, each phrasing against the entry without it: does it get the first
 * sentence of its own question (its facet's lead, or the entry's own)? Printed as it goes.
 */
function facetFigures(index: FaqIndex, label: string, print: (line: string) => void): void {
  let conflicts = 0;
  let checked = 0;
  for (const entry of index.entries.filter((e) => e.facets?.length)) {
    const owners = [
      ...entry.alternates.map((alternate) => ({ alternate, facet: undefined as string | undefined })),
      ...(entry.facets ?? []).flatMap((facet) => facet.alternates.map((alternate) => ({ alternate, facet: facet.id as string | undefined }))),
    ];
    for (const { alternate, facet } of owners) {
      checked++;
      const without = withoutAlternate(entry, alternate);
      const chosen = new FacetChooser([without], index.text).choose(without, alternate)?.id;
      if (chosen !== facet) {
        conflicts++;
        print(`  ${entry.id}${label ? ' (es)' : ''}#${facet ?? '(own first sentence)'}: "${alternate}" gets ${chosen ? `facet ${chosen}` : "the entry's own first sentence"}`);
      }
    }
  }
  print(`kb:check: ${checked - conflicts}/${checked} ${label}alternates of entries with facets get their own first sentence`);
}
