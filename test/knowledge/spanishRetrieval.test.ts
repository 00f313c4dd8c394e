import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluate, formatReport, headline, type LabelledSet } from '../../src/knowledge/evaluate.js';
import { spanishText } from '../../src/knowledge/spanishText.js';
import { shippedKnowledge } from '../support/testApp.js';

/**
 * The Spanish knowledge base on its labelled set (test/fixtures/eval-es.yaml: 110 in-domain, 5 per
 * entry, 20 out-of-domain), printed. The set was written before tuning and then tuned on (its first
 * figures are in docs/spanish.md), so it is a dev set: the floors catch a collapse, they do not
 * certify the 93%. The independent Spanish set (eval-es2, split into dev and a frozen test
 * part) is gated with the English sets in test/knowledge/retrieval.test.ts.
 */
const set = parse(readFileSync('test/fixtures/eval-es.yaml', 'utf8')) as LabelledSet;

describe('the Spanish knowledge base on its labelled set', () => {
  it('labels only entries that have a Spanish twin, at least five questions each', async () => {
    const { es } = await shippedKnowledge();
    expect(es, 'the Spanish knowledge base is loaded').toBeDefined();
    for (const { expect: id } of set.inDomain) expect(es!.index.get(id), `unknown label ${id}`).toBeDefined();
    for (const entry of es!.index.entries) expect(set.inDomain.filter((item) => item.expect === entry.id).length, entry.id).toBeGreaterThanOrEqual(5);
  });

  it('answers Spanish questions from Spanish entries, and declines out-of-domain ones (figures printed)', async () => {
    const { es } = await shippedKnowledge();
    const report = evaluate(es!.answerer, set);
    console.log(formatReport(report, 'Spanish (eval-es, dev)'));
    const figures = headline(report);
    // measured 100% top-1, 100% declined, 0% confident-wrong (docs/spanish.md), minus a margin
    expect(figures.top1).toBeGreaterThanOrEqual(0.94);
    expect(figures.declined).toBeGreaterThanOrEqual(0.95);
    expect(figures.confidentWrong).toBeLessThanOrEqual(0.02);
  });

  // The examples in docs/spanish.md (what the tuning on eval-es2's dev part changed).
  it.each([
    ['quiero inscribirme al A5 como le hago', 'registration-scheduling'],
    ['study guide del A6', 'test-preparation'],
    ['cuando mandan el sello azul', 'certificate-delivery'],
    ['terms and conditions', 'terms-and-conditions'],
    ['merch ase', 'insignias-merchandise'],
    // Not going to an appointment ahead is a No Show; a certificate that did not arrive is not.
    ['¿qué pasa si no llego a mi cita?', 'missed-appointment'],
    ['no me llegó el certificado', 'certificate-delivery'],
  ])('answers %j from the %s entry', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind).toBe(id);
  });

  it.each(['cuanto dura el examen A8', 'que puntaje necesito para aprobar el A1', 'que hora es en mexico', 'cantame una cancion', 'mi hijo falto al examen de la escuela', 'cambio de direccion en el banco'])(
    'declines %j: no ASE answer and no "did you mean"',
    async (question) => {
      expect(['unknown', 'out-of-scope']).toContain((await shippedKnowledge()).es!.answerer.decide(question).kind);
    },
  );

  // Forms of one word meet on one term: tenses (future and conditional keep the infinitive in front,
  // the -er/-ir preterite ends in -í), stem-changing verbs, and the forms of a word the synonym table
  // lists once ("reagendar": "reagendé"; "calificación": "calificaciones").
  it.each([
    ['reprogramar', 'reprogramé', 'reprogramaré', 'reprogramaría', 'reprogramarlo', 'reagendé'],
    ['cancelar', 'cancelé', 'cancelaría', 'cancelación'],
    ['reprobar', 'reprobé', 'repruebo', 'repruebe', 'reprueba', 'reprobado'],
    ['recibir', 'recibí', 'recibió', 'recibiré'],
    ['perder', 'perdí', 'pierdo', 'perdido'],
    ['vencer', 'vence', 'venza', 'vencido', 'vencimiento'],
    ['resultados', 'calificación', 'calificaciones', 'puntaje', 'puntajes'],
    ['duplicado', 'reposición', 'reemplazar', 'reimpresión'],
    // English words mixed in meet the Spanish word.
    ['reembolso', 'refund', 'devolución'],
    ['recertificación', 'recertify', 'renew', 'recertificarme'],
    ['reprogramar', 'rescheduled', 'reschedule'],
    // The future's -á/-án/-ás keep the infinitive too; "qu"/"gu" before e are the "c"/"g" of the stem.
    ['llegar', 'llegará', 'llegarán', 'llegué'],
    ['certificado', 'certifiqué'],
    // A variant of a variant meets the family's word ("army" -> "militar" -> the word abroad).
    ['extranjero', 'militar', 'army', 'ejército'],
  ])('reads %j and its forms as one term', (...forms) => {
    const terms = new Set(forms.map((form) => spanishText.processTerm(form)));
    expect([...terms]).toHaveLength(1);
  });

  // Classes of phrasing: "volver a" in any form, money given back, late with how late between,
  // an experience counted in years of work, sight and hearing, English verbs with Spanish endings.
  it.each([
    ['lo vuelvo a presentar cuando?', 'retest-after-failing'],
    ['no llegué a mi examen, me devuelven el dinero?', 'missed-appointment'],
    ['llegué 20 minutos tarde y no me dejaron entrar, que pasa ahora', 'missed-appointment'],
    ['cuantos años de trabajo necesito pa certificarme', 'work-experience'],
    ['tengo problemas de la vista, me pueden ayudar en el examen', 'ada-accommodations'],
    ['puedo rescheduliar mi test?', 'change-or-cancel'],
    // A change of the appointment is a reschedule; a change of anything else only a change.
    ['quiero reschedulear el A2, como le hago en myASE', 'change-or-cancel'],
    ['el A3 lo tengo mañana temprano y me enfermé, lo puedo pasar pa la otra semana?', 'change-or-cancel'],
    ['ya van 5 semanas y nada de mi cert', 'certificate-delivery'],
    // Spain's Spanish, and who is asking put aside.
    ['quiero coger cita para examinarme del A4', 'registration-scheduling'],
    ['he suspendido el examen de frenos, cuando puedo volver a examinarme', 'retest-after-failing'],
    ['mi jefe pregunta, ya tengo todos del A1 al A7, solo me falta uno pa ser master de auto? cual es?', 'master-technician-status'],
  ])('reads %j as a question for the %s entry (first pick)', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  // Someone else's thing, named after the noun as Spanish does ("la cita con el dentista"); ASE's own
  // subjects after it ("el examen de frenos", "la tarjeta de bolsillo") are not someone else's.
  it.each(['la cita de migracion la cambiaron, que hago', 'cuando llegan los resultados de covid', 'reprobe el examen de ciudadania, cuando lo puedo repetir', 'como renuevo mi licencia de contratista'])(
    'declines %j as someone else\'s thing',
    async (question) => {
      expect((await shippedKnowledge()).es!.answerer.namesElsewhere(question)).toBe(true);
    },
  );

  // Another body's initials, listed nowhere: a name in capitals no entry uses is someone else's thing,
  // wherever it stands; a state's or territory's abbreviation, or a message in capitals, is not.
  it.each(['tengo cita en el INE pa mi credencial, como la cambio?', 'como reagendo mi cita en la embajada', 'cambie de casa, como cambio la direccion en el banco?', 'soy maestro albañil, necesito certificado?', 'como recargo el freon del aire de mi casa', 'cada cuanto se renueva la poliza', 'quiero un curso en linea de contabilidad', 'terminos y condiciones de la garantia de mi lavadora', 'perdi mi certificado del IMSS, como saco otro', 'mi NATE se vence, como la renuevo'])(
    'declines %j: another body, named in capitals or after "en el"',
    async (question) => {
      expect((await shippedKnowledge()).es!.answerer.namesElsewhere(question)).toBe(true);
    },
  );

  // An owner the entries write otherwise, or only beside other nouns, is still someone else's: the
  // entries say "primera", not "primaria", and their "seguro social" is a number, never a card.
  it.each(['cambie de casa, como actualizo la direccion de mi cuenta de la luz', 'se me vencio la tarjeta del seguro de vida, como la renuevo', 'como me certifico de maestro de musica', 'me llego el certificado de primaria de mi hijo', 'cuando mandan el diploma de la academia de policia', 'la prueba de manejo de mi esposa la puede repetir?', 'quiero cambiar la cita en la escuela de mi hijo'])(
    'declines %j: an owner no entry writes so, or an account that is not myASE',
    async (question) => {
      expect((await shippedKnowledge()).es!.answerer.namesElsewhere(question)).toBe(true);
    },
  );

  it.each(['cuanto cuesta una maestria en administracion en linea?', 'me ayudas con mi tarea de matematicas', 'llevé a vacunar al perro, tenia cita, cuanto cuesta la vacuna?'])(
    'does not answer %j: the question keeps its own words, and a story needs two words of ASE testing',
    async (question) => {
      expect((await shippedKnowledge()).es!.answerer.decide(question).kind).not.toBe('answer');
    },
  );

  it.each(['estudie en la escuela de mecanica, cuenta como experiencia?', 'el examen de la compu es dificil?', 'cuando llega el certificado de mi A5', 'la tarjeta de bolsillo del 609 como la pido'])(
    'keeps %j: a clipped word, a test code and the entries own owners are ASE\'s',
    async (question) => {
      expect((await shippedKnowledge()).es!.answerer.namesElsewhere(question)).toBe(false);
    },
  );

  it.each([
    ['vivo en TX, puedo hacer el examen en español?', 'bilingual-tests'],
    ['AYUDA NO ME LLEGO EL CERTIFICADO', 'certificate-delivery'],
    ['ya pase el A5, cuando llega el certificado? estoy en PR', 'certificate-delivery'],
    // "en" and a place, not an office: where, not whose; a country named in English is a country.
    ['tengo cita en Hialeah el martes, como la cambio?', 'change-or-cancel'],
    ['puedo hacer el test en Germany, estoy en la base militar', 'testing-outside-usa'],
    // everyday Spanish for what the entries say: a flat moved from, not made it, made it, the answers given, the shop
    ['me mude de depa, como cambio mi domicilio', 'address-change'],
    ['se me descompuso la troca y no alcance a llegar al test', 'missed-appointment'],
    ['cuando me dicen si la hice o no en el test', 'test-results'],
    ['me pueden decir que contestaciones tuve malas', 'missed-questions'],
    ['tengo que comprobar que he trabajado en un taller?', 'work-experience'],
    ['donde leo las condiciones de uso de myase', 'terms-and-conditions'],
    // a title's own trade is ASE's ("maestro mecánico"), another trade is not ("maestro albañil")
    ['soy maestro mecanico, que necesito pa ser master de autos', 'master-technician-status'],
    // "el papel" one has is the certificate; paper for sums on the test day stays the test-format gap's
    ['ya pase el A5, cuando me llega el papel?', 'certificate-delivery'],
    // a story's own words told before the question (a flat tyre) leave the question it asks
    ['El día del examen se me ponchó la llanta y no llegué, qué hago ahora?', 'missed-appointment'],
    // the words that compare are no subject: what is compared is asked in the others
    ['que tienen de diferente los examenes de nivel avanzado comparados con los otros', 'advanced-level-tests'],
    // the question asked first, its story after: the question decides when it is answered for sure
    ['¿Cuándo me llega el certificado? Aprobé el A5 hace tres semanas y mi jefe lo pide para el taller.', 'certificate-delivery'],
  ])('answers %j from %s', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  it.each([
    ['se puede pagar con money order o cheque?', 'payment-methods'],
    ['si repruebo me devuelven mi dinero', 'refund-after-failing'],
    ['se me olvido mi ase id', 'ase-id'],
    // the twins of English known gaps the Spanish file lacked
    ['cual es el test mas facil pa empezar, el G1 o el A5?', 'test-order'],
    ['como apelo si creo que una pregunta estaba mal calificada', 'appeals'],
    ['hay edad minima pa tomar el examen de ase', 'eligibility'],
    ['mi patron como puede verificar que tengo el ase', 'verification'],
    ['como hace mi taller pa tener el reconocimiento blue seal', 'shop-recognition'],
    ['me pueden hacer una excepción si tengo una nota del doctor?', 'illness-exception'],
    ['me enfermé y tengo justificante, me pueden hacer una excepcion con mi cita', 'illness-exception'],
    // the known gaps' subject words, as the English ones have: a word no entry answers says the gap
    ['hay becas pa pagar los examenes', 'discounts'],
    ['puedo hacer 3 examenes el mismo dia', 'test-format'],
    ['me dan el papel para hacer cuentas en el examen?', 'test-format'],
  ])('answers %j with the %s known gap', async (question, topic) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'out-of-scope' && decision.topic.id).toBe(topic);
  });

  it.each(['me gustaría cambiar la fecha de mi cita', 'reprobe el examen de suspension', 'perdi la tarjeta de bolsillo', 'la cita con prometric', 'se me mojo el certificado con la lluvia', 'me movi de ciudad y quiero que me llegue el correo'])(
    'keeps %j as ASE\'s',
    async (question) => {
      expect((await shippedKnowledge()).es!.answerer.namesElsewhere(question)).toBe(false);
    },
  );

  it('keeps "cuánto" as a word, as English keeps "much": "¿cuánto cuesta el A5?" is the fees gap, not a duplicate', async () => {
    const decision = (await shippedKnowledge()).es!.answerer.decide('¿cuánto cuesta el A5?');
    expect(decision.kind === 'out-of-scope' && decision.topic.id).toBe('fees');
  });

  it('an answer in Spanish is the Spanish entry, and the English knowledge base is left as it was', async () => {
    const knowledge = await shippedKnowledge();
    const decision = knowledge.es!.answerer.decide('¿cuándo me dan los resultados?');
    expect(decision.kind === 'answer' && decision.entry.lang).toBe('es');
    expect(knowledge.index.entries.every((entry) => entry.lang === 'en')).toBe(true);
  });

  // Session es18: classes of phrasing, each checked on questions written for the session (docs/spanish.md).
  describe('what it is not, then what it is, and ASE named without its words', () => {
    it('reads only what it is after "no es que ..., es que" and "no quiero ..., solo"', () => {
      expect(spanishText.normalise('no es que lo perdi, es que nunca me llego')).not.toMatch(/perdi/);
      expect(spanishText.normalise('no quiero cancelar el examen, solo moverlo')).not.toMatch(/cancelar/);
      // a plain negation stays: "no quiero cancelar" is still about cancelling
      expect(spanishText.normalise('no quiero cancelar pero no puedo ir')).toMatch(/cancelar/);
    });

    it.each([
      ['no es que lo haya perdido, es que el certificado nunca me llegó', 'certificate-delivery'],
      ['¿cuándo me mandan el certificado de mecánico?', 'certificate-delivery'],
      ['qué me piden pa ser master en autos', 'master-technician-status'],
      ['tengo que comprobar que he trabajado como mecánico?', 'work-experience'],
      ['quiero trabajar con el aire de los carros, qué certificación necesito', 'epa-609-program'],
      ['vivo en Guadalajara, ¿puedo presentar el examen allá?', 'testing-outside-usa'],
      ['como me pongo listo pal examen de motor', 'test-preparation'],
    ])('answers %j from %s', async (question, id) => {
      const decision = (await shippedKnowledge()).es!.answerer.decide(question);
      expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
    });

    it('keeps a state\'s mechanic licence a state licence, and one\'s own car\'s air conditioning a repair', async () => {
      expect(spanishText.normalise('licencia de mecanico del estado')).toMatch(/licencia de mecanico del estado/);
      const decision = (await shippedKnowledge()).es!.answerer.decide('como arreglo el aire de mi carro');
      expect(['unknown', 'out-of-scope']).toContain(decision.kind);
    });
  });

  describe('look-alikes and known gaps, as classes', () => {
    it.each([
      'hay clases gratis de ingles en linea para adultos',
      'busco un maestro particular de español para mi esposa',
      'como pido acomodaciones en mi trabajo por mi rodilla',
      'se me vence el permiso de residencia, donde lo renuevo',
      'mi permiso de trabajo ya llego?',
      'pidieron adaptaciones en el hotel para mi silla de ruedas',
      'mi sobrino necesita ayuda con la tarea de fisica',
      'hay un error en mi fecha de nacimiento en el acta, quien la corrige',
      'donde venden ropa de trabajo para el taller',
      // about the assistant's own answer, not the test's answers
      'no me sirvio tu respuesta',
      // experience a job application asks for
      'en la fabrica me piden experiencia para el puesto, que les enseño',
      // an appointment with a doctor, however said
      'tengo que cancelar la cita del doctor',
      'como cambio mi cita con la dentista',
      'cuando salen los resultados del examen de contratista del estado',
      'como saco un certificado del gobierno para mi negocio',
    ])('declines %j: no ASE answer and no "did you mean"', async (question) => {
      expect(['unknown', 'out-of-scope']).toContain((await shippedKnowledge()).es!.answerer.decide(question).kind);
    });

    it.each([
      ['con cuantos puntos se aprueba pa pasar el A3', 'passing-score'],
      ['que calificacion ocupo pa pasar el A2', 'passing-score'],
      ['nomas te dicen si pasaste o te dan el porcentaje?', 'passing-score'],
      ['puedo ponerme tapones en los oidos durante la prueba', 'test-format'],
      ['por error hice dos cuentas en myase, cual uso?', 'account-email'],
      ['tengo 2 usuarios en myASE que hago', 'account-email'],
      ['oye y si me enfermo el dia del examen q pasa', 'illness-exception'],
      ['que pasa si me pongo malo y no puedo ir a la prueba', 'illness-exception'],
      ['¿hay citas en domingo?', 'test-centres'],
      ['se puede agendar en fin de semana', 'test-centres'],
      ['cuántas veces al año puedo repetir el examen', 'attempts-limit'],
      ['cuánto tiempo tengo para contestar el examen', 'test-length'],
      ['me pueden dar mas de 90 dias', 'window-extension'],
      ['quiero poner una queja porque una pregunta del A6 estaba mal', 'appeals'],
      ['hay limite de intentos pal mismo examen?', 'attempts-limit'],
      ['no me acuerdo de la clave pa entrar a myase', 'password-reset'],
      ['mi empleador recibe mis resultados?', 'results-privacy'],
      ['que pasa si cierran el centro por una tormenta el dia de mi examen', 'centre-closed'],
      // food is one word of its own ("comida" stems as "cómo" does)
      ['se vale llevar comida al examen?', 'id-to-bring'],
      // whether the appointment was made: its confirmation (the time-zone gap's reply: Prometric confirms the time)
      ['no se si mi cita quedo programada, no me llego nada', 'time-zone'],
    ])('answers %j with the %s known gap', async (question, topic) => {
      const decision = (await shippedKnowledge()).es!.answerer.decide(question);
      expect(decision.kind === 'out-of-scope' && decision.topic.id).toBe(topic);
    });
  });

  // Session es18: the facet asked, in the ways candidates write it (facets' alternates in knowledge/faq/*.es.md).
  it.each([
    ['si lo repruebo, ¿tengo que pagar todo de nuevo para repetirlo?', 'retest-after-failing', 'cost'],
    ['mi certificación vence hasta el año que entra, ¿puedo adelantar la renovación?', 'recertification', 'early'],
    ['ya no quiero cancelarlo, nomas cambiarle el dia, que pasos sigo', 'change-or-cancel', 'how-to-change'],
    ['me pusieron no show en el A4, cuando lo puedo recomprar', 'missed-appointment', 'rebuy-after-no-show'],
    ['me quitaron el master porque se me vencio el A2, como lo recupero', 'master-technician-status', 'reinstate'],
    // session es19: cancelling the appointment or the test one has opens with cancelling, as in English
    ['kiero cancelar el test q tengo', 'change-or-cancel', 'cancel-refund'],
    ['quiero cancelar mi appointment', 'change-or-cancel', 'cancel-refund'],
    ['cancela mi cita por favor', 'change-or-cancel', 'cancel-refund'],
    // session es19: "k" for "qu"/"c" before the phrase table too ("kiero kambiar la fecha" was the profile's date of birth)
    ['kiero kambiar la fecha', 'change-or-cancel', 'how-to-change'],
  ])('answers %j from %s, its %s facet first', async (question, id, facet) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' && [decision.entry.id, decision.entry.facet]).toEqual([id, facet]);
  });

  // Session es19: "ok y cómo la cambio" right after the change-or-cancel answer (a task's "Sí, todavía puede cambiarla")
  // got the paragraph "No se permiten cambios..."; the pronoun and the verb choose the how-to-change lead.
  it.each(['ok y como la cambio', 'y cómo lo muevo?'])('answers %j after the change-or-cancel answer with how to change', async (question) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question, { recent: ['change-or-cancel'] });
    expect(decision.kind === 'answer' && decision.entry.answer).toMatch(/^Para cambiar la fecha u hora de su examen/);
  });

  // Session es19: results that have not come are the results entry ("no me llegan" had read as arriving late).
  it.each(['hola pase el A4 hace dos semanas pero no me llegan los resultados', 'el puntaje todavia no me llega'])('answers %j with the results entry', async (question) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' && decision.entry.id).toBe('test-results');
  });

  // Session es19: two myASE accounts get a reply that names them (it spoke only of the e-mail and the address).
  it('answers "tengo 2 cuentas de myase" with a reply about duplicate accounts and Customer Service', async () => {
    const decision = (await shippedKnowledge()).es!.answerer.decide('tengo 2 cuentas de myase');
    expect(decision.kind === 'out-of-scope' && decision.topic.reply).toMatch(/cuentas\s+duplicadas[\s\S]*1-800-390-6789/);
  });

  // Session es18: long messages in regional words, each checked on questions written for the session.
  it.each([
    // the hour gone by on arrival is late, and the Caribbean's "chavos" are money
    ['el carro no prendió, cuando por fin llegué ya había pasado la hora y no me dejaron, perdí los chavos?', 'missed-appointment'],
    // a certificate ruined among other papers, and "que me manden otro"
    ['con el huracán se dañaron las cosas de la casa y hasta el certificado de ASE, ¿cómo hago para que me manden otro?', 'duplicate-certificate'],
    // a bare "también" inside a clause says "too": one question
    ['¿los exámenes de autobús también vienen en español?', 'bilingual-tests'],
  ])('answers %j from %s', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  it('reads a bare "también" inside a clause as "too", and after a comma as a second question', async () => {
    const { answerer } = (await shippedKnowledge()).es!;
    expect(answerer.decidePair('¿los exámenes de camiones también vienen en español o solo los de autos?')).toBeNull();
    expect(answerer.decidePair('¿cuándo llega mi certificado?, también ¿cuándo salen los resultados?')?.map((entry) => entry.id)).toEqual(['certificate-delivery', 'test-results']);
  });

  // Session es18: a code or a programme only one entry is about leads an unsure ranking (domain.es.yaml codeOwners, as English).
  it.each([
    ['me dicen en el taller que ocupo el 609 para meterle mano al A/C, donde lo tramito', 'epa-609-program'],
    ['el L3 se puede comprar asi nomas o hay que tener algo antes', 'advanced-level-tests'],
    ['necesito un certificado adicional para mi otro trabajo', 'duplicate-certificate'],
    ['cuenta el G1 pa ser master de auto?', 'master-technician-status'],
  ])('puts %j to %s first', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  it('declines the EPA certification for a home\'s refrigerators (EPA 608\'s), plural or not', async () => {
    const { answerer } = (await shippedKnowledge()).es!;
    for (const question of ['certificacion epa para refrigeradores de casa', 'necesito la epa para arreglar neveras']) {
      expect(['unknown', 'out-of-scope']).toContain(answerer.decide(question).kind);
    }
  });

  // Session es18: a relative or a boss writing, and the body's troubles (questions written for the session).
  it.each([
    ['mi esposa presentó el examen el lunes, ¿cómo sabe si lo pasó?', 'test-results'],
    ['mi hijo es autista, le pueden dar un cuarto solo para el examen?', 'ada-accommodations'],
    ['tengo problemas con las manos y me cuesta usar el mouse, hay ayuda en el examen?', 'ada-accommodations'],
    ['se rompió todo el diploma, ocupo otro diploma', 'duplicate-certificate'],
    ['llegó al examen como 20 minutos tarde y no lo dejaron pasar, que sigue', 'missed-appointment'],
    ['no voy a poder llegar a la prueba del jueves, que pasa', 'missed-appointment'],
  ])('answers %j from %s', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  // Session es18: a certificate damaged under any word, and time gone by said with "pasaron"/"van".
  it.each([
    ['mi certificado ya esta todo desgastado, como pido una copia', 'duplicate-certificate'],
    ['el certificado se me arrugó y manchó, me dan otro?', 'duplicate-certificate'],
    ['van 5 dias y mi resultado no aparece en myase', 'test-results'],
  ])('answers %j from %s', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  it('keeps how long one has worked a question of experience ("llevo 6 meses en el taller")', () => {
    expect(spanishText.normalise('ya pasaron 4 dias')).not.toMatch(/pasaron/);
    expect(spanishText.normalise('apenas llevo 6 meses en el taller')).toMatch(/llevo/);
  });

  // Session es18: words misspelled by their sound meet the word the entries write.
  it('meets words misspelled by their sound on the entries\' word, and keeps listed loanwords as written', () => {
    const same = (a: string, b: string) => expect(spanishText.contentTerms(a)).toEqual(spanishText.contentTerms(b));
    same('kambie', 'cambie');
    same('sertificado', 'certificado');
    same('recertificasion', 'recertificacion');
    same('yega', 'llega');
    same('experencia', 'experiencia');
    same('dirrecion', 'direccion');
    expect(spanishText.contentTerms('ago')).toEqual([]);
    expect(spanishText.contentTerms('snacks')).toEqual(spanishText.contentTerms('comida'));
  });

  it.each([
    ['kiero otro sertificado, el mio se perdio', 'duplicate-certificate'],
    ['kambie de dirrecion, como le ago', 'address-change'],
    ['la experencia de trabajo como la compruebo', 'work-experience'],
  ])('answers %j from %s', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  // Session es22 (a precision review of session es21's rows): getting stuck a while is not failing, and "cuánto dinero
  // cuesta" before ASE's test is its price, while the gap's phrasings keep "dinero" for money sent abroad.
  it('reads "me colgué" as failing, but not "me colgué un rato" nor "me colgué con la llamada"', () => {
    expect(spanishText.normalise('me colgué en el A5')).toMatch(/reprobe/);
    expect(spanishText.normalise('aunque me colgue un rato en las preguntas')).not.toMatch(/reprobe/);
    expect(spanishText.normalise('me colgue con la llamada a prometric')).not.toMatch(/reprobe/);
  });

  it.each([
    ['pase el A4 aunque me colgue un rato en las preguntas, cuando llegan los resultados?', 'test-results'],
    ['cuanto dinero cuesta el registro y el examen de ase?', 'registration-scheduling'],
    ['cuanto cobran por mandar 200 dolares a Honduras?', 'out-of-scope'],
  ])('answers %j from %s', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  // Session es-tune11: the eleventh tuning set's classes (own phrasings, test/fixtures/probes-es26/tune11.yaml).
  it.each([
    ['mi hijo no se presento al examen del A4, le devuelven algo?', 'missed-appointment'],
    ['mi empleado no llego a la cita del T2 ayer, pierde el dinero?', 'missed-appointment'],
    ['compre el A6 en enero y nunca lo presente, ya es mayo, todavia sirve?', 'missed-appointment'],
    ['me arrepenti de comprar el examen, nunca agende, como pido mi dinero', 'change-or-cancel'],
    ['tengo dos mecanicos nuevos, como mandan el formulario de experiencia laboral', 'work-experience'],
    ['no me llego el certificado, q hago', 'certificate-delivery'],
  ])('answers %j from %s: someone else\'s No Show, a test never taken, one not wanted, a worker named first', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  it.each([
    'necesito acomodaciones por mi lesion en el trabajo, a quien le pido',
    'necesito una carta de experiencia para aplicar a un trabajo nuevo',
    'hay videos en youtube pa aprender mecanica',
    'puedo homologar mi certificacion ase en mexico?',
    'cuanto sale el registro de mi camioneta en texas',
    'como me inscribo a un curso de soldadura en el colegio comunitario',
    'cuantos dias se tardan en aprobar mi experiencia laboral',
  ])('declines %j: accommodations at work, an employer\'s letter, other sites\' courses, recognition abroad, a vehicle\'s registration, a college\'s class, the review\'s time', async (question) => {
    expect(['unknown', 'out-of-scope']).toContain((await shippedKnowledge()).es!.answerer.decide(question).kind);
  });

  it('answers two questions joined by "y" without a question word ("... y hay en español?") both, in the order asked', async () => {
    const pair = (await shippedKnowledge()).es!.answerer.decidePair('como saco cita pal A5 y hay en español?');
    expect(pair?.map((entry) => entry.id)).toEqual(['registration-scheduling', 'bilingual-tests']);
  });

  it.each([
    ['mano me cogio tarde en el tapon de la expreso, pierdo el test?', 'missed-appointment'],
    ['no lo cancele, es que no llegue, me devuelven?', 'missed-appointment'],
    ['nunca tome el examen que pague en abril, ya se vencio?', 'missed-appointment'],
    ['aprobe hace cinco semanas y el certificado no llega', 'certificate-delivery'],
    ['soy dueno de un shop y quiero registrar a tres mecanicos pal A1', 'registration-scheduling'],
    ['que hay que demostrar aparte del examen pa certificarse', 'work-experience'],
    ['puedo ver las preguntas erroneas de mi test', 'missed-questions'],
    ['que hay que hacer pa ganarse la certificacion de master', 'master-technician-status'],
    ['kiero aser el eksamen A1 en espanol', 'bilingual-tests'],
    ['komo kambio la ora de mi sita', 'change-or-cancel'],
  ])('answers %j from %s: the Caribbean\'s lateness, a denied cancellation, five weeks, a shop owner\'s story, typos', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  it.each([
    ['cuanto tiempo me dura la compra del A3', 'registration-scheduling'],
    ['hace mes y medio que aprobe y el certificado no llega, se habra perdido en el correo?', 'certificate-delivery'],
    ['mis resultados dicen que pase pero no me ha llegado el certificado', 'certificate-delivery'],
  ])('answers %j from %s: how long a purchase lasts, a certificate lost on its way or not come though passed', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });

  it('answers how long a refund takes with the refund-timing gap, and whether one is refunded with the cancel answer', async () => {
    const { answerer } = (await shippedKnowledge()).es!;
    const timing = answerer.decide('en cuantos dias llega el refund a mi tarjeta');
    expect(timing.kind === 'out-of-scope' && timing.topic.id).toBe('refund-timing');
    const whether = answerer.decide('si cancelo me devuelven el dinero?');
    expect(whether.kind === 'answer' && whether.entry.id).toBe('change-or-cancel');
  });

  it.each([
    ['pa renovar mis certificaciones tengo que hacer los examenes otra vez?', 'recertification'],
    ['reprobe el A2, cuando lo puedo tomar otra vez', 'retest-after-failing'],
  ])('answers %j from %s: "otra vez" of a renewal is renewing, of a failed test a retest', async (question, id) => {
    const decision = (await shippedKnowledge()).es!.answerer.decide(question);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe(id);
  });
});
