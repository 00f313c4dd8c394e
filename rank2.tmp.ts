import { loadKnowledgeBase } from '/work/wt-es-conv/src/knowledge/knowledgeBase.js';
const kb = await loadKnowledgeBase('knowledge');
const a: any = kb.es!.answerer;
const qs = [
 'Trabajo en México desde hace años en un taller de transmisiones. ¿puedo tomar el examen allá? ¿y puedo verlo en español?',
 'Soy de Guatemala y trabajo en un taller en la capital. ¿puedo tomar el examen allá? ¿y puedo verlo en español?',
 'Estoy trabajando en México, en Guadalajara, con mi tío en su taller. ¿puedo tomar el examen allá? ¿y puedo verlo en español?',
 'Hola buenas, me regresé a México hace un año y sigo trabajando de mecánico. ¿puedo tomar el examen allá? ¿y puedo verlo en español?',
 'Trabajé 5 años en Houston y ahora trabajo en Monterrey en una agencia. Quiero sacar la certificación. ¿puedo tomar el examen allá? ¿y puedo verlo en español?',
 'Vivo en México y trabajo de mecánico. ¿Puedo presentar el examen aquí? ¿Y lo puedo tomar en español?',
];
for (const q of qs) {
  const d: any = a.decide(q);
  const p = a.decidePair(q);
  const g = a.decideGapPair(q);
  console.log(q.slice(0,60), '\n  decide:', d.kind, d.entry?.id ?? d.topic?.id ?? d.candidates?.map((c: any) => c.id).join('|'), '\n  pair:', p?.map((e: any) => e.id).join(' + '), ' gapPair:', g?.map((x: any) => x.kind === 'entry' ? x.entry.id : 'gap:' + x.topic.id).join(' + '));
}
