import { loadFaq } from './src/knowledge/loadFaq.js';
import { checkTwins, factsOf } from './src/knowledge/twinCheck.js';
const [en, es] = [await loadFaq('knowledge'), await loadFaq('knowledge', 'es')];
for (const p of checkTwins(en, es)) console.log(p.id, p.problem);
console.log([...factsOf('You must wait 30 full days; call 1-800-390-6789, $7.50, A1 through A8, three days (72 hours)')]);
