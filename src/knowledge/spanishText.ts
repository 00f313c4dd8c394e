import { splitWords, type TextPipeline } from './textProcessing.js';
import { rememberingRecent } from './recentTexts.js';
import { phraseTable, type Replacement } from './phraseTable.js';
import { withoutAccents } from '../language/accents.js';

/**
 * How Spanish candidate text becomes index terms: accents folded (candidates often leave them
 * out), Spanish and English function words dropped (candidates mix in English), variants and
 * English loanwords met on one Spanish word, then a light Spanish stemmer (plural and common verb
 * and noun endings), so "reprobé", "reprobado" and "reprobar" meet.
 */

const fold = (text: string) => withoutAccents(text).replace(/[’‘]/g, "'");

/** A letter's Spanish name and a number in words or digits, as a test code written as candidates write it: "ele uno" is "L1", "a cinco" "A5". */
const LETTER_OF: Record<string, string> = { a: 'a', be: 'b', ce: 'c', e: 'e', efe: 'f', ge: 'g', hache: 'h', ele: 'l', pe: 'p', ese: 's', te: 't', equis: 'x' };
const DIGIT_OF: Record<string, string> = { uno: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9' };
function spokenCode(spoken: string): string {
  const [letter = '', number = ''] = spoken.toLowerCase().split(/\s+/);
  return `${LETTER_OF[letter] ?? letter}${DIGIT_OF[number] ?? number}`.toUpperCase();
}

/** Multi-word expressions joined before tokenising, or their parts would be stop words. */
const phrases: Array<[RegExp, Replacement]> = [
  // Puerto Rico as said ("Puelto Rico", session es23).
  [/\bpuelto\s+rico\b/gi, 'puerto rico'],
  // Dictated by phone (session es21): "a se" is ASE, "pro metric" Prometric, and a test code comes as its letter's name and
  // its number in words ("el examen a cinco", "el ele uno", "del a uno hasta a ocho", "el equis uno"). The letters that are
  // also words ("a", "e", "ese", "te") only after an article, a test word, "hasta", "y" or "o", and never before a unit
  // ("voy a dos talleres", "a uno le dicen", "a cinco dólares" stay as they are).
  [/\ba\.?\s*s\.?\s*e\b\.?(?!\s+(?:me|te|le|les|lo|la|los|las|nos)\b)/gi, 'ase'],
  [/\bpro\s*-?\s*m[eé]tri[ck]\b|\bprometrik\b/gi, 'prometric'],
  [/(?:(?<=\b(?:el|del|al|los|las|de|examen(?:es)?|tests?|pruebas?|hasta|y|o|serie|certificado)\s+)(?:a|e|ese|te)|\b(?:be|ce|efe|ge|hache|ele|pe|equis))\s+(?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|[1-9])\b(?!\s*(?:a[nñ]os|d[ií]as|meses|semanas|horas|minutos|veces|d[oó]lares|dls|pesos|por\s*ciento|%|de\s+(?:mis|los|ellos|nosotros|ustedes)))/gi, spokenCode],
  [/\bno[\s-]?show\b/gi, 'noshow'],
  // Two tests compared ("¿cuál es la diferencia entre el A1 y el A8?", "en qué se diferencia el T2 del T8"): what the tests
  // cover, the known gap test-order, as in English; "diferencia" alone is a stop word (what is compared is asked).
  [/\b(?=dif)(?:diferencias?|diferencian?|diferente)\s+(?:hay\s+)?(?:entre|de|del|el|la)\s+(?=(?:el\s+|la\s+|los\s+)?(?:[a-z]-?\d{1,2}\b|serie\s+[a-z]\b))/gi, 'testcomparison '],
  // Formal register (session es-tune10: letters and forms written by someone careful, "¿Cuál es el procedimiento para
  // solicitar...?", "¿Existe la posibilidad de...?", "¿Cuáles son las consecuencias de no comparecer...?"): the opening is only
  // a way of asking; what follows is asked. "de forma/manera X" is an adverb, not a form to fill in.
  [/\bcu[aá]l(?:es)?\s+(?:es|son|ser[ií]a)\s+(?:el|los)\s+(?:procedimiento|proceso|tr[aá]mite|pasos?)s?\s+(?:a\s+seguir\s+)?(?:para|de)\b|\b(?:existe|hay|habr[ií]a|tengo|tendr[ií]a)\s+(?:la\s+|alguna\s+)?posibilidad\s+de\b|\b(?:es|ser[ií]a)\s+posible\b|\bse\s+(?:me\s+|nos\s+|le\s+)?permite\b/gi, ' '],
  [/\bcu[aá]les\s+son\s+las\s+consecuencias\s+de\b|\bqu[eé]\s+(?:sucede|suceder[ií]a|ocurre|ocurrir[ií]a|procede)\s+(?:si|cuando|en\s+caso\s+de)\b/gi, ' que pasa si '],
  // Not attending, formally ("no comparecer a la cita", "la inasistencia al examen", "no acudí a mi prueba"): missing it.
  [/\b(?:no\s+(?:compare(?:cer|c[ií]|ci[oó]|zco)|asist(?:ir|[ií]|i[oó]|o)|acud(?:ir|[ií]|i[oó]|o)|presentarse|presentarme)|inasistencia|ausencia)\s+(?:a|al|en)\s+(?=(?:la\s+|el\s+|mi\s+|su\s+|una\s+)?(?:cita|examen|prueba|test)\b)/gi, 'falte a '],
  // The time allowed to schedule, asked ("¿cuál es el plazo para programar el examen después de la compra?", "qué plazo hay pa
  // agendar"): the purchase window's question; a window gone by ("se me pasó el plazo para agendar") stays the lapse.
  [/\bplazo(?<!\b(?:pas[oó]|venci[oó]|perd[ií]|acab[oó]|termin[oó]|vencido|pasado)\s+(?:el\s+|mi\s+|su\s+)?plazo)\s+(?:(?:tengo|tiene|hay|me\s+dan|le\s+dan)\s+)?(?=(?:para|pa|de)\s+(?:programar|agendar|reservar|tomar|presentar|hacer|usar|sacar)\b)/gi, 'cuantos dias tengo '],
  // Late, formally ("me presento con retraso", "llegar con demora"): late.
  [/\bcon\s+(?:retraso|retardo|demora|atraso)\b|\b(?:retrasad|atrasad)[oa]\b/gi, 'tarde'],
  // A test not passed ("una prueba no aprobada", "el examen desaprobado"): failed.
  [/\bno\s+aprobad[oa]s?\b|\bdesaprobad[oa]s?\b/gi, 'reprobado'],
  // Undoing a cancellation ("anular una cancelación ya realizada", "revertir la cancelación"): the undo, not a cancelling.
  [/\b(?:anular|revertir|revocar|deshacer|cancelar)\s+(?:una|la|mi|esa|su)\s+cancelaci[oó]n\b/gi, 'deshacer cancelacion'],
  // Early ("de forma anticipada", "anticipadamente", "por adelantado"): before its time (arriving "con anticipación" stays).
  [/\b(?:de|en)\s+(?:forma|manera)\s+anticipada\b|\banticipadamente\b|\bpor\s+adelantado\b/gi, 'antes de tiempo'],
  [/\bde\s+(?:forma|manera)\s+(?=[a-z]+(?:ada|ida|al|iva)\b)/gi, ' '],
  // Results "listos" are results out ("¿cuándo estarán listos mis resultados?"): "listos" alone is no word of the knowledge.
  [/\b(?:(?:est[aá]n|estar[aá]n|van a estar)\s+)?(?:list[oa]s|disponibles?)\s+(?=(?:mis\s+|los\s+|el\s+|mi\s+)?(?:resultados?|calificaci[oó]n|puntajes?|scores?)\b)|\b(resultados|puntajes?|scores?)\s+(?:ya\s+)?(?:est[aá]n|estar[aá]n|van a estar)\s+(?:list[oa]s|disponibles)\b/gi, '$1'],
  // Time gone by ("ya pasaron 4 días y no aparece", "van dos semanas"): the length is kept, the verb is no word of the question.
  [/\b(?:ya\s+)?(?:pasaron|pas[oó]|van)\s+(?=(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varios|varias|unos|unas)\s+(?:d[ií]as|semanas|meses)\b)/gi, ' '],
  // What it is not, then what it is ("no es que lo perdí, es que nunca me llegó", "no quiero cancelar, solo moverlo"): only
  // what it is is asked.
  [/\bno\s+es\s+(?:que|q)\b[^,.;?!]{1,40}?[,.;]?\s*(?:es\s+(?:que|q)|sino(?:\s+(?:que|q))?)\b|\bno\s+(?:quiero|quisiera|voy\s+a|pienso)\s+(?:\S+\s+){0,3}?\S+\s*[,.;]?\s*(?:solo|s[oó]lamente|nom[aá]s|nada\s+m[aá]s)\s+(?:quiero\s+)?(?=\S)/gi, ' '],
  // ASE's certification named without ASE's words ("el certificado de mecánico", "la certificación de carros", "mi
  // licencia de mecánico" that ASE gives): the certificate itself, not the Master Technician nor a vehicle's paper.
  // (a state's mechanic licence stays one: "licencia de mecánico del estado")
  [/\b(certificad[oa]s?|certificaci[oó]n(?:es)?|diplomas?|examen(?:es)?|pruebas?|tests?|licencia)\s+(?:de|en|para|pa)\s+(?:mec[aá]nic[oa]s?|carros|autos|coches|automotriz|automotores)\b(?!\s+(?:del\s+estado|estatal))/gi, '$1'],
  [/\b(master|maestro)\s+(?:de|en)\s+(?:carros?|autos?|coches?)\b/gi, '$1'],
  // Having worked as a mechanic, said in the past ("he trabajado de mecánico", "trabajé como técnico 3 años"): the experience.
  [/\b(?:he\s+|haber\s+|has\s+)?(?:trabajado|trabaj[eé])\s+(?:de|como)\s+(?:mec[aá]nic|t[eé]cnic|ayudante|helper)\w*/gi, 'experiencialaboral'],
  // Vehicles' air conditioning as a trade ("el aire de los coches", "cargar gas al clima"): the refrigerant, EPA 609's.
  // (one's own car's is a repair: "cómo arreglo el aire de mi carro")
  [/\b(?:cargar|recargar|rellenar)(?:le)?\s+(?:el\s+)?(?:gas|fre[oó]n)\s+(?:del|al|de\s+los|a\s+los)\s+(?:aire|clima|a\/?c)\b|\b(?:aire|clima)\s+de\s+(?:los|las)\s+(?:carros|coches|autos|trocas|camionetas|veh[ií]culos)\b/gi, 'epa609'],
  // Getting ready ("ponerme listo", "me pongo listo"): preparing.
  [/\bpon(?:go|erme|erse|emos|erte)\s+list[oa]s?\b/gi, 'preparar'],
  // "hace una hora", "hace 10 minutos": just now, the dialogs' business (as "que viene" below). Months ago
  // say something ("compré el test hace 4 meses": its 90 days may be over).
  [/\bhace\s+(?:(?:un|una|unos|unas|dos|tres|cuatro|cinco|\d+)\s+(?:minutos?|horas?)|(?:un\s+)?(?:poco|rato|ratito))\b/gi, ' '],
  // "¿qué opciones tengo?", "¿cuáles son mis opciones?": what can be done, not the test's multiple choice; "el día de ayer" is
  // only "ayer" (formal letters write both).
  [/\bqu[eé]\s+opciones\s+(?:tengo|tiene|hay|me\s+quedan|le\s+quedan)\b|\bcu[aá]les\s+son\s+(?:mis|sus|las)\s+opciones\b|\b(?:el|del)\s+d[ií]a\s+de\s+(?:ayer|hoy|ma[nñ]ana|antier|anteayer)\b/gi, ' '],
  // The Southern Cone's and Spain's words for testing: "rendir el examen" is taking it, "anotarse" signing up, "me
  // bocharon" failing, "laburo"/"curro" work; "la nota del A5" is its result (a doctor's note stays one).
  [/\b(?:rendir(?:lo|la)?|rindo|rinde|rindes|rinden|rend[ií]|rendi[oó]|rendire)\b/gi, 'tomar'],
  [/\bme\s+anot(?:o|e|é|ar[eé]?)\b|\banot(?:arme|arse|arte|arnos)\b/gi, 'registro'],
  [/\b(?:me\s+|lo\s+|la\s+)?bochar(?:on|lo|la)?\b|\bboch[eé]\b|\bbochad[oa]\b/gi, 'reprobe'],
  // The Caribbean's and Central America's words for failing (session es21): "me colgué", "me tumbaron", "me aplazaron", "me
  // poncharon", "me rasparon" (not a phone or a computer that hung: "se me colgó el celular"; nor getting stuck a while or a call
  // cut, session es22: "aunque me colgué un rato en las preguntas", "me colgué con la llamada a Prometric").
  [/(?<!\bse\s)\bme\s+(?:colgu[eé]|colg[oó]|colgaron|cuelgo|cuelgue|cuelgan|cuelguen|tumbaron|tumb[oó]|aplazaron|aplaz[oó]|aplac[eé]|poncharon|ponch[oó]|ponch[eé]|rasparon|rasp[oó]|rasp[eé])\b(?!\s+(?:(?:por\s+)?(?:un|una)\s+(?:rato|ratito|momento|poco|minuto|segundo)|unos\s+(?:minutos|segundos)|con\s+(?:la|el|una|un)\s+(?:llamada|tel[eé]fono|celular|internet|computadora|p[aá]gina|app|sistema)))|\b(?:colgarme|tumbarme|aplazarme|poncharme|rasparme)\b/gi, 'reprobe'],
  // Making an appointment with "agarrar" or "coger" in any form ("agarré cita pal martes", "cómo agarro cita", "cogí cita"):
  // scheduling it (the row for "hacer/sacar cita" below says what follows).
  [/\b(?:agarr|cog|coj)(?:o|e|é|i|í|ar|er|aste|iste|amos|imos|ó|io|ió|an|en)\s+(?:la\s+|una\s+|mi\s+|el\s+)?(?:cita|turno|hora)\b/gi, 'programar cita'],
  // "volver a coger/agarrar el examen", "cogerlo otra vez": taking it again (the row for "volver a tomar" follows).
  [/\b(volver|vuelv\w*|volv\w*)((?:lo|la|me)?\s+a\s+)(?:coger|agarrar)/gi, '$1$2tomar'],
  // Getting the hang of it before the real one ("pa ir cogiendo el ritmo", "agarrar onda", "agarrarle la mano"): practising.
  [/\b(?:cog|agarr)\w*(?:le)?\s+(?:el\s+ritmo|onda|la\s+mano|pr[aá]ctica|experiencia\s+con\s+el\s+examen)\b|\b(?:el|del)\s+de\s+verd(?:ad|á|a)\b/gi, 'practica'],
  // Downloading is "bajar" ("dónde la bajo", "bajar la guía", "se puede bajar el booklet"), not lowering a price or a grade.
  [/\b(?:d[oó]nde|c[oó]mo|puedo|se\s+puede|para|pa)\s+(?:la\s+|lo\s+|las\s+|los\s+)?baj(?:o|ar|arla|arlo|arlas|arlos|armela|armelo)\b(?!\s+(?:el\s+|la\s+|mi\s+)?(?:precio|costo|cuota|nota|calificaci[oó]n|peso))|\bbaj(?:ar|o|e|é|arme|arse)\s+(?=(?:la|las|el|los)\s+(?:gu[ií]as?|guiaestudio|booklets?|librito|folletos?|pdf|app|aplicaci[oó]n|formas?|formularios?|practicas?)\b)/gi, 'descargar '],
  [/\b(?:la|mi|las|mis)\s+notas?\s+(?=(?:del?|de\s+(?:mi|la))\s+(?:examen|test|prueba|[a-z]\d{1,2})\b)/gi, 'resultados '],
  // Not managing to pass ("no lo logré pasar", "no pude aprobar el A5") is failing; not finding one's certificate or card ("no
  // encuentro mi certificado") is losing it (not finding a test centre stays its own question).
  [/\bno\s+(?:lo\s+|la\s+)?(?:logr[eé]|logro|logra|pude|puedo|alcanc[eé])\s+(?:a\s+)?(?:pasar(?:lo|la)?|aprobar(?:lo|la)?)\b(?!\s+(?:a|al|por|pa|para|la\s+cita)\b)/gi, 'reprobe'],
  [/\bno\s+(?:encuentro|hallo|encontr[eé]|he\s+encontrado|puedo\s+encontrar)\s+(?=(?:mi|mis|el|los)\s+(?:certificados?|certs?|diplomas?|tarjetas?|wallet)\b)|\bno\s+(?:lo|la|los|las)\s+(?:encuentro|hallo|encontr[eé]|puedo\s+encontrar)\b/gi, 'perdi '],
  // "dar a luz": a birth, not a light.
  [/\bdar\s+a\s+luz\b/gi, ' '],
  // "saber si pasé", "cómo sé si aprobé": the results.
  // ... "cuándo me dicen si la hice" (made it): the same.
  [/\b(?:saber|sabr[eé]|sabr[aá]|sabe|sabes|saben|s[eé]|veo|ver|enterarme|entero|entera|dicen|digan|avisan|avisen|checo|checar|chec[oa]s|chequeo|chequear|reviso|revisar|averiguo|averiguar|confirmo|confirmar)\s+si\s+(?:lo\s+|la\s+)?(?:he\s+|ha\s+)?(?:pas[eéoó]|pasado|aprob[eéoó]|aprobado|hice|hizo)\b/gi, 'resultados'],
  // A special price, a price for a group: a discount (a known gap), not the fees.
  [/\bprecios?\s+(?:especial(?:es)?|de\s+grupo|por\s+grupo|de\s+mayoreo|preferencial(?:es)?|reducidos?)\b/gi, 'descuento'],
  // "cuánto sale el test", "cuánto cobran": a price.
  [/\bcu[aá]nto\s+(?:sale|salen|vale|valen|cobran)\b/gi, 'cuanto cuesta'],
  // Money by its everyday names asked as a price ("cuánto pisto es", "cuántos chavos sale", "cuánta plata"): a price ("dinero" and
  // "dólares" are left as they are: the prices' gap says "cuánto dinero cuesta", and money sent abroad is declined by it).
  // "cuánto dinero cuesta" before ASE's test named ("cuánto dinero cuesta el registro y el examen de ASE", session es22) is
  // that price too: the row below makes it the fees; without ASE's test right after it "dinero" stays, for the gap and money
  // sent abroad (an entry's phrasings are read joined: the gap's "cuanto dinero cuesta el test" is followed by "...de ase").
  [/\b(?:cu[aá]nto|qu[eé]\s+tanto)\s+dinero\s+(?:cuesta|cuestan)\b(?=\s+(?:(?:el|la)\s+(?:registro|inscripci[oó]n)\s+y\s+)?(?:(?:el|los|la|las)\s+)?(?:examen(?:es)?|tests?|pruebas?|certificaci[oó]n(?:es)?|certificar(?:se|me|te))\s+(?:de|con|en)\s+ase\b)/gi, 'cuanto cuesta'],
  [/\b(?:cu[aá]nt[oa]s?|qu[eé]\s+tant[oa]s?)\s+(?:de\s+)?(?:pisto|chavos?|plata|lana|feria|varos|billete)\b(?:\s+(?:es|son|sale|salen|cuesta|cuestan|vale|valen|cobran|me\s+cobran))?/gi, 'cuanto cuesta'],
  // The price of ASE's tests in general (session es21): ASE named ("cuánto cuesta el examen de ASE", "certificarse con ASE"), or the
  // test with its article and nothing after it ("vos, ¿cuánto es el examen?"), is what the registration entry's fees say: each test's
  // fee and a registration fee per order. A test named ("el A5", "el de frenos") or "cada examen" stays the prices' known gap.
  [/\b(?=el|los|la|las|examen|test|prueba|certific)(?<=\b(?:cuanto\s+cuesta|cu[aá]nto\s+(?:cuestan|es|son|pago|se\s+paga|hay\s+que\s+pagar|me\s+va\s+a\s+salir|me\s+sale)|(?:cu[aá]nto|qu[eé]\s+tanto)\s+dinero|precios?|costos?)\b[^.?!]{0,40}?)\b(?:(?:el|los|la|las)\s+)?(?:examen(?:es)?|tests?|pruebas?|certificaci[oó]n(?:es)?|certificar(?:se|me|te))\s+(?:de|con|en)\s+ase\b|(?<=\b(?:cuanto\s+cuesta|cu[aá]nto\s+(?:cuestan|es|son))\s+)(?:el|los|las)\s+(?:examen(?:es)?|tests?|pruebas?)(?=\s*(?:[?.!,]|$|y\s+(?:el|la)\s+(?:registro|inscripci[oó]n)))|(?:\b(?:el|los|las)\s+)?(?:examen(?:es)?|tests?|pruebas?|certificaci[oó]n)\s+(?:de|con)\s+ase\b(?=\s*,?\s*(?:cu[aá]nto\s+(?:cuesta|cuestan|vale|valen|sale|salen|es|son)|qu[eé]\s+precio))/gi, 'examen tarifas registro'],
  // "el jefe quiere ver el papel", "cuándo llega mi papel": the paper one has, with its article, is the
  // certificate (the scratch paper of the test day is "papel para hacer cuentas", "hojas en blanco").
  [/\b(el|mi|su|ese|este|del|al)\s+papel(?:ito)?\b(?!\s+(?:en\s+blanco|(?:para|pa)\s+(?:hacer|escribir|apuntar|notas|cuentas)))/gi, '$1 certificado'],
  // A school's own certificate or diploma ("cuándo me llega el certificado de la escuela de mecánica", "el diploma del community
  // college"): the school's, a look-alike (session es21); asked as training that counts ("el certificado de la escuela técnica
  // cuenta como experiencia?") it stays the candidate's schooling.
  [/\b(?:certificad[oa]s?|diplomas?|t[ií]tulos?)\s+(?:de|del)\s+(?:la\s+|el\s+|mi\s+)?(?:escuela|colegio|instituto|academia|universidad|community\s+college|colegio\s+comunitario)\b(?![^.?!]*\b(?:cuenta|cuentan|contar|experiencia|vale|valen|sirve|sirven|sustitu\w*|reemplaz\w*|equivale\w*)\b)/gi, 'diploma de la escuela'],
  // An age ("mi hijo tiene 16 años", "un muchacho de 17", "¿cuántos años hay que tener?", "menor de edad"): the minimum age, a
  // known gap (session es21). Years of work stay experience ("tengo 17 años de mecánico", "tiene 16 años trabajando").
  [/\b(?:tiene|tengo|tienes|cumple|cumpli[oó]|cumplo|va\s+a\s+cumplir)\s+(?:1[3-9]|trece|catorce|quince|diecis[eé]is|diecisiete|dieciocho|diecinueve)\s+(?:a[nñ]os|a[nñ]itos)\b(?!\s*(?:de|en|trabajando|como|haciendo|con|chambeando|laborando)\b)|\b(?:muchach[oa]|chavo|chava|joven|chamaco|chico|chica|menor|hij[oa]|cipote|pelao|chamo)\s+de\s+(?:1[3-9]|trece|catorce|quince|diecis[eé]is|diecisiete|dieciocho|diecinueve)\b(?:\s+a[nñ]os)?(?!\s*(?:de|en|trabajando|como)\b)|\bcu[aá]ntos\s+a[nñ]os\s+(?:hay\s+que|tengo\s+que|tiene\s+que|debo|debe|necesito|necesita|se\s+necesitan?\s+)?(?:tener|cumplidos)\b/gi, 'edad'],
  // Paying less ("los estudiantes pagan menos?", "¿les cobran menos a los veteranos?"): a discount, a known gap.
  [/\b(?:pag(?:an|o|a|amos|ar|uen)|cobr(?:an|en|a|ar))\s+menos\b|\b(?:les|nos|me)\s+cobran\s+menos\b/gi, 'descuento'],
  // Telling the post office ("le aviso al correo", "la oficina de correos", "el post office"): the post's change of address,
  // not ASE's (the cue for "correo postal" declines it).
  [/\b(?:avis\w*|notific\w*|dec[ií]rle|digo|report\w*)\s+(?:(?:yo\s+)?(?:al|a\s+la\s+oficina\s+de)\s+correos?)\b|\boficina\s+de\s+correos?\b|\bpost\s+office\b|\bservicio\s+postal\b/gi, 'correo postal'],
  // Where the candidate works, a brand's dealer ("soy jefe de técnicos en un dealer Toyota", "trabajo en la agencia Ford"): the
  // workplace of the story (session es21), not the brand's own certification the cues for "toyota", "ford" decline ("en el
  // dealer de Honda venden gorras?" stays a look-alike: no one works there in it).
  [/(?=dealer|agencia|concesionari|taller)(?<=\b(?:soy|trabajo|trabaj[eé]|trabajaba|trabajando|estoy|estaba|chambeo|chambe[eé]|laboro)\b[^.,;?!]{0,40}?\b(?:en|de|para)\s+(?:un|una|el|la)\s+)(?:dealer(?:ship)?|agencia|concesionari[oa]|taller)\s+(?:de\s+(?:la\s+)?)?(?:toyota|ford|honda|nissan|chevy|chevrolet|gm|bmw|kia|hyundai|dodge|jeep|mazda|subaru|volkswagen|vw|mercedes|chrysler|lexus|acura|infiniti|audi)\b/gi, 'taller'],
  // Pay by the hour or the week ("cuánto pagan de hora", "cuánto gana un técnico por semana"): a salary, the careers gap, not
  // paying for a test.
  [/\bcu[aá]nto\s+(?:(?:me|le|les|te|nos)\s+)?(?:pagan|paga|gana|ganan|gano|ganas)\s+(?:(?:de|por|la|el|a\s+la|al)\s+)?(?:hora|semana|mes|a[nñ]o|quincena)\b|\bpagan\s+(?:de|por)\s+hora\b/gi, 'salario'],
  // "ando buscando X", "estoy buscando cómo X": what the candidate wants is X, not a search (the verification gap's "busco si un
  // técnico está certificado" and the job hunt's "ando buscando trabajo de" are read by their own rows).
  [/\b(?:ando|andamos|estoy|estamos|andaba|estaba)\s+buscando\b(?!\s+(?:un|una|a\s+un|a\s+una|alg[uú]n|trabajo|empleo|chamba|jale)\b)/gi, ' '],
  // Schooling ("estudié dos años en un técnico", "el community college") is training, which may count as experience.
  [/\bcommunity\s+college\b|\bestudi[eé]\s+(?:\S+\s+){0,3}?en\s+(?:un|una|el|la)\b/gi, 'escuela'],
  // A US state or city of two words ("nuevo mexico" is not Mexico); see the one-word ones below.
  [/\b(?:nuev[oa]|new)\s+(?:mexico|york|jersey|hampshire)\b|\b(?:carolina|dakota)\s+del\s+(?:norte|sur)\b|\b(?:north|south)\s+(?:carolina|dakota)\b|\bvirginia\s+occidental\b|\bwest\s+virginia\b|\brhode\s+island\b|\blos\s+angeles\b|\bsan\s+(?:antonio|diego|jose|francisco)\b|\blas\s+vegas\b|\bel\s+paso\b|\bfort\s+worth\b|\bnueva\s+orleans\b/gi, ' '],
  // ... and the capitals and largest cities of Latin America in two or more words ("en Santo Domingo", "en San Pedro Sula").
  [/\bcosta\s+rica\b|\brep[uú]blica\s+dominicana\b|\bel\s+salvador\b|\bsanto\s+domingo\b|\bsan\s+(?:salvador|pedro\s+sula|juan\s+de\s+los\s+lagos|luis\s+potos[ií])\b|\bla\s+habana\b|\bbuenos\s+aires\b|\bciudad\s+(?:de\s+(?:m[eé]xico|guatemala|panam[aá])|ju[aá]rez)\b|\bsantiago\s+de\s+(?:chile|los\s+caballeros)\b/gi, 'pais'],
  // ... or to a day by its number or a month ("lo quiere pasar pal 28", "mover mi examen para el 15 de abril", "recorrer la
  // prueba al 30", "pasar mi cita para junio"); a number after "pasar" alone is not a date ("pasar el A5").
  [/\b(?:pas|mov|muev|recorr|cambi)\w*?(?:lo|la)?\s+(?:(?:mi|su|el|la|tu)\s+(?:cita|examen|test|prueba|fecha)\s+)?(?:pa|para|pal|al)\s+(?:el\s+(?:d[ií]a\s+)?)?(?:\d{1,2}(?!\d)(?!\s*(?:%|por|d[oó]lares|dls|veces|a[nñ]os))|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b/gi, 'reprogramar cita'],
  // Moving the appointment to a later day ("lo puedo pasar pa la otra semana", "pasarla para el lunes", "moverlo pal otro mes").
  [/\b(?:pas|mov|muev|recorr|cambi)\w*?(?:lo|la)?\s+(?:pa|para|pal|al)\s+(?:la\s+|el\s+)?(?:otr[oa]|siguiente|pr[oó]xim[oa]|despu[eé]s|m[aá]s\s+tarde|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b/gi, 'reprogramar cita'],
  // A stolen certificate is a lost one ("me robaron la mochila con mi certificado").
  [/\b(?:me\s+)?(?:robaron|rob[oó]|robaste|robado|robada|hurtaron)\b/gi, 'perdi'],
  // ... and so is one taken in a break-in ("me rompieron el vidrio y se llevaron la mochila").
  [/\bse\s+(?:me\s+)?(?:llevaron|llev[oó]|robaron)\b/gi, 'perdi'],
  // US territories: "ASE testing is offered in the United States, U.S. territories, and Canada".
  [/\bislas\s+v[ií]rgenes\b|\bpuerto\s+rico\b|\bsamoa(?:\s+americana)?\b|\bislas\s+marianas\b|\bmarianas\s+del\s+norte\b|\bguam\b/gi, 'territorio'],
  // The score to pass asked as how much one passes with ("con cuanto se pasa", "score minimo", "calificacion minima").
  [/\bcon\s+cu[aá]nto\s+(?:se\s+)?(?:pasa|aprueba|pasas|apruebas|paso|apruebo)\b|\b(?:puntaje|calificaci[oó]n|score|nota|puntuaci[oó]n)\s+m[ií]nim[oa]\b/gi, 'puntajeaprobatorio'],
  // Looking for a job ("hay trabajo de mecanico", "busco chamba como tecnico"): the careers gap's "empleo", not the candidate's own work.
  [/\b(?:hay|busco|buscando|buscar|consigo|conseguir|encontrar|ofrecen|dan)\s+(?:un\s+|algun\s+)?(?:trabajo|empleo|chamba|jale)\s+(?:de|como|para|pa)\b/gi, 'empleo'],
  // "hay forma de", "alguna forma de": a way, not a form to fill in ("la forma de experiencia" stays one).
  [/\b(?:hay|alguna|otra|de\s+que|ninguna)\s+forma\s+(?:de|para|pa)\b/gi, ' '],
  // Still waiting for it ("ya van 5 semanas y nada de mi cert", "sigo esperando el certificado", "nada de certificado"): it has not arrived.
  [/\b(?:nada|ni\s+rastro)\s+de(?:l|\s+(?:mi|mis|el|los))?\s+(cert\w*|diplomas?)\b|\bsigo\s+esperando\s+(?:(?:mi|mis|el|los)\s+)?(cert\w*|diplomas?)\b/gi, 'llego $1$2'],
  // A certificate said not to have come ("el certificado nunca llegó", "no me ha llegado mi certificado", "todavía no recibo el
  // cert"): not arrived, the certificate's question beside a move ("me mudé y el certificado nunca llegó" is not the address
  // change). "si no llego a mi cita" is not about a certificate, and stays a No Show.
  [/\b(?:nunca|todavia\s+no|aun\s+no|no|sigue\s+sin|sin)\s+(?:me\s+|le\s+|nos\s+)?(?:ha\s+|han\s+|habia\s+|he\s+)?(?:llego|llega|llegan|llegaron|llegado|llegar|recibo|recibi|recibido)\s+(?=(?:el|mi|su|los|mis|sus|ningun)\s+(?:cert|diploma))|\b(cert\w*|diplomas?)\s+(?:\S+\s+){0,2}?(?:nunca|todavia\s+no|aun\s+no|no)\s+(?:me\s+|le\s+|nos\s+)?(?:ha\s+|han\s+)?(?:llego|llega|llegan|llegaron|llegado)\b/gi, (_match: string, cert: string) => (cert ? `${cert} llego nollego` : 'llego nollego ')],
  // A change of the appointment, its date or its time is rescheduling ("cambios en mi cita", "cambiar la fecha"); a change of
  // anything else ("cambio de dirección", "cambiar mi nombre") is only a change.
  [/\b(?:[ck]ambi|modific)\w*\s+(?:(?:de|en|a)\s+)?(?:la\s+|mi\s+|el\s+|su\s+|una\s+)?(?:[cs]ita|fecha|h?ora|horario|d[ií]a)\b(?:\s+(?:de|del)\s+(?:la\s+|mi\s+|su\s+)?(?:[cs]ita|examen|test|prueba)\b)?/gi, 'reprogramar cita'],
  // A teacher saying where they teach ("soy maestro en un programa de mecánica", "como profesora de una prepa", "doy clases
  // en un colegio técnico"): who is asking, not the Master's title nor someone else's school; what is asked follows.
  // ("soy maestro mecánico", "maestro en autos" stay the Master.)
  [/\b(?:soy|como|trabajo\s+(?:de|como)|estoy\s+de)\s+(?:maestr[oa]|profe|profesor(?:a)?|instructor(?:a)?|docente)\s+(?:en|de)\s+(?:un|una|el|la|mi|este|esta)\s+(?:\S+\s+){0,1}?(?:programas?|escuelas?|colegios?|prepa|preparatoria|instituto|academia|secundaria|high\s+school|community\s+college|talleres?|cursos?|clases?|universidad)\b(?:\s+(?:de|en)\s+(?:mec[aá]nica|automotriz|autos|carros|servicio\s+automotriz))?|\bdoy\s+clases?\s+(?:en|de)\s+(?:un|una|el|la|mi)\s+(?:programas?|escuelas?|colegios?|prepa|preparatoria|instituto|academia|secundaria|high\s+school|community\s+college|talleres?|universidad)\b(?:\s+(?:de|en)\s+(?:mec[aá]nica|automotriz|autos|carros))?/gi, ' '],
  // Who is asking is not what is asked ("mi jefe pregunta...", "me dijo mi compa que..."): the question follows.
  [/\b(?:mi|el|la)\s+(?:jefe|jefa|patr[oó]n|supervisor|esposa|esposo|compa|compañero|companero|amigo|primo|hermano)\s+(?:(?:me\s+|nos\s+)?(?:pregunta|dice)|me\s+dijo|me\s+pregunt[oó]|quiere\s+saber)\b|\bme\s+dijo\s+(?:mi|el|la)\s+(?:jefe|jefa|patr[oó]n|supervisor|esposa|compa|amigo)\b/gi, ' '],
  // The employer or the job asking for a test ("mi jefe me pide el A5", "en la chamba me piden el A8", "el dealer me exige
  // el A6", session es23): who wants it is the story; what is asked follows (it was the careers or off-topic gap by "pide").
  [/\b(?:en\s+)?(?:mi|el|la)\s+(?:jefe|jefa|patr[oó]n|patrona|supervisor(?:a)?|trabajo|chamba|jale|empresa|compa[nñ]ia|taller|shop|dealer|agencia|due[nñ]o|due[nñ]a)\s+(?:me|nos)\s+(?:pide|piden|pidi[oó]|pidieron|exige|exigen|requiere|requieren)\b(?=\s+(?:el|la|los|las|que\s+(?:saque|tome|haga|renueve|me\s+certifique))\s+(?:[a-z]\d{1,2}\b|examen|test|certificad|certificaci|master|609|renueve|me\s+certifique|saque|tome|haga))/gi, ' '],
  // An employer or shop owner asking for a worker (session es-tune10: "mi técnico necesita cambiar su examen", "a mi mecánico no le
  // ha llegado el certificado", "mi empleado faltó a su examen", "el dueño del taller me pidió que averigüe..."): who the test is
  // for, or who asks, is the story; "técnico" there is a person, not the Master Technician, and "empleado" no job sought.
  [/\b(?:a\s+)?(?:mi|mis|nuestr[oa]s?|(?<=\ba\s+)(?:dos|tres|cuatro|varios|unos|\d+))\s+(?:t[eé]cnic|mec[aá]nic|emplead|trabajador|chalan|ayudante)(?:o|a|os|as|es)?\b(?!\s+(?:master|maestro|certificad\w*|automotriz|de\s+(?:ase|carros|autos)))/gi, ' '],
  // ... and a worker the shop has, said first ("tengo un técnico nuevo; ¿cuándo manda su formulario?", "tengo dos mecánicos
  // nuevos"): who it is for, not the E-Learning course for new technicians.
  [/\btengo\s+(?:un|una|unos|unas|dos|tres|\d+)\s+(?:t[eé]cnic|mec[aá]nic|emplead|trabajador|chalan|ayudante)(?:o|a|os|as|es)?(?:\s+nuev[oa]s?)?\b(?!\s+(?:master|maestro|certificad\w*))/gi, ' '],
  [/\b(?:mi|el|la)\s+(?:jefe|jefa|patr[oó]n|patrona|supervisor(?:a)?|due[nñ][oa](?:\s+del?\s+(?:taller|shop|negocio))?|gerente|manager)\s+(?:me|nos)\s+(?:pidi[oó]|pide|encarg[oó]|mand[oó]|dijo)\s+(?:que|q)\s+(?:averig\w*|pregunt\w*|investig\w*|cheque\w*|busque|vea)\b/gi, ' '],
  // A first time ("es mi primera vez", "por primera vez voy a hacer el A1"): a first, not "vez" that counts attempts.
  [/\b(?:(?:es\s+)?(?:mi|la|por)\s+)?primera\s+vez\b/gi, 'primera'],
  // The Master title said with the trade ("master técnico de carros", "técnico master"): the Master, not a job.
  [/\b(?:master|maestro)\s+(?:t[eé]cnic|mec[aá]nic)(?:o|a|os|as)\b|\b(?:t[eé]cnic|mec[aá]nic)(?:o|a|os|as)\s+master\b/gi, 'master'],
  // The test taken on a computer ("nunca he hecho un examen en computadora, hay algún demo pa ver cómo es", "cómo es el test en
  // la compu"): the testing software the demo shows. Paper or computer ("¿hay exámenes en papel o todo es en computadora?"),
  // and one's computer at home, stay the gaps.
  [/\b(?=en\s)(?<!\bpapel\b[^.?!]{0,40})en\s+(?:la\s+|una\s+)?(?:computadora|compu|computador|pc)\b(?!\s+de\s+(?:mi\s+|la\s+)?casa)(?![^.?!]{0,40}\bpapel\b)/gi, ' en software'],
  // Still in time to move it ("me enfermé, ¿alcanzo a cambiarlo?", "¿todavía alcanzo a moverla?"): "lo"/"la" is the appointment
  // or the test, a rescheduling (not an address or a name: "alcanzo a cambiar mi dirección" keeps its object).
  [/\balcanz(?:o|a|as|amos|an|ar[eé]|ar[ií]a)\s+a\s+(?:cambiar|mover|pasar|recorrer)(?:lo|la)\b/gi, 'reprogramar cita'],
  // English words for signing up, booking and being late ("el sign up", "donde hago el booking", "llegué late"): the entries' words.
  [/\bsign(?:ing)?[\s-]?up\b|\benroll(?:ment)?\b/gi, 'registro'],
  [/\bbook(?:ing|ear|earlo|earla|eo|e[eé])\b/gi, 'programar'],
  [/(?<=\b(?:llegu[eé]|llego|llegar|lleg[oó]|llegamos|llegaste|llegue)\s+(?:(?:un\s+poco|bien|muy|\d+\s+minutos?|media\s+hora)\s+)?)late\b/gi, 'tarde'],
  // ASE as the employer or the one who finds the job ("trabajar en ASE", "¿ASE me da trabajo si me certifico?", "¿ustedes me
  // ayudan a conseguir chamba?", session es23): a job, the careers gap (not the candidate's own work, the experience).
  [/\b(?:trabajar|trabajo|chambear|laborar)\s+(?:en|para|con)\s+ase\b|\b(?:ase|ustedes)\s+(?:me\s+|les\s+|nos\s+|te\s+)?(?:da|dan|consigue|consiguen|ofrece|ofrecen|busca|buscan)\s+(?:trabajo|chamba|empleo|jale|chance)\b|\b(?:ase|ustedes)\s+(?:me\s+|nos\s+)?(?:ayuda|ayudan)\s+a\s+(?:conseguir|encontrar|buscar)\s+(?:trabajo|chamba|empleo|jale)\b/gi, 'empleo'],
  // A high-school student's certification ("certificación de ASE pa estudiantes de prepa", "los de high school"): who may take
  // the tests, the eligibility gap (session es23).
  [/\b(?:estudiantes|alumnos|chavos|muchachos|j[oó]venes)\s+(?:de|en|que\s+est[aá]n\s+en)\s+(?:la\s+)?(?:prepa|preparatoria|secundaria|high\s+school|bachillerato)\b/gi, 'edad'],
  // A school or a shop accredited by ASE ("¿la escuela está acreditada por ASE?", session es23): recognition, the shop-recognition
  // gap's word (a school told as "acreditada" in a story of schooling stays the candidate's training).
  [/\b(?:acreditad[oa]s?|reconocid[oa]s?)\s+(?:por|con)\s+ase\b|\bacreditaci[oó]n\s+(?:de|con)\s+ase\b/gi, 'reconocimiento'],
  // A receipt as a noun ("me dan recibo de lo que pagué", "ocupo un recibo pa los taxes", session es23): the receipts gap's word
  // ("no recibo mi certificado", the verb, stays one).
  [/(?<=\b(?:un|el|mi|los|mis|del|al|su|sus|dan|den|dar|das|dieron|ocupo|necesito|manden|mandan|tengo|dame|denme|piden|pide)\s+)recibos?\b(?!\s+(?:el|la|los|las|mi|mis|nada|ning[uú]n|ninguna|respuesta|correo|email))|\breceipts?\b/gi, 'comprobante'],
  // The computer freezing or going off during the test ("se trabó la compu en pleno examen", "se congeló la pantalla", session
  // es23): the power cut's and closure's gap (not "se cayó el sistema" of myASE, nor a phone).
  [/\bse\s+(?:me\s+|nos\s+)?(?:trab[aoó]|trabaron|congel[aoó]|congelaron|apag[oó]|apagaron|reinici[oó]|muri[oó]|fue)\s+(?:la\s+|el\s+|mi\s+)?(?:compu|computadora|computer|pantalla|monitor|luz|corriente|electricidad)\b/gi, 'apagon'],
  // What one heard, and whether it is true ("un compa dice que...", "me dijeron en el taller que...", "escuché que...", "¿es
  // verdad?", session es23): the rumour is asked about in its own words.
  [/\b(?:un|una|mi|el|la)\s+(?:compa|compas|amig[oa]|compa[nñ]er[oa]|prim[oa]|vecin[oa]|cuate|carnal|pana|brother|colega|conocid[oa])\s+(?:me\s+)?(?:dice|dijo|dicen|coment[oó]|cont[oó])\s+(?:que|q)\b|\b(?:me\s+)?(?:dijeron|comentaron|contaron)\s+(?:en\s+(?:el|la)\s+\S+\s+)?(?:que|q)\b|\b(?:escuch[eé]|o[ií])\s+(?:decir\s+)?(?:que|q)\b|\bdicen\s+(?:que|q)\b|\b(?:es|eso\s+es|ser[aá])\s+(?:verdad|cierto|real)\b|\bas[ií]\s+es\s*\?/gi, ' '],
  // A complaint's words ("qué mal servicio", "pésimo servicio") and the Caribbean's "nada que llega" (still nothing): the
  // question is what has not come.
  [/\b(?:qu[eé]\s+)?(?:mal|malo|p[eé]simo|terrible|horrible)\s+servicio\b/gi, ' '],
  [/\bnada\s+(?:que|q)\s+(?=(?:me\s+)?(?:llega|llegan|sale|salen|aparece|aparecen)\b)/gi, 'no '],
  // Where to start ("por dónde empiezo", "¿cómo empiezo?", "no sé ni por dónde empezar", session es23): signing up and buying
  // the tests (not where to start studying: "por dónde empiezo a estudiar").
  [/\b(?:por\s+d[oó]nde|c[oó]mo)\s+(?:empiezo|empieza|empiezan|empezar|empezamos|comienzo|comienza|comenzar|arranco|arranca|arrancar)\b(?!\s+(?:a|con|el|la)\s+(?:estudi\w*|prepar\w*|repas\w*|leer|practic\w*|guia|gu[ií]a|curso))/gi, 'registro'],
  // A relative writing for the technician ("soy la esposa de un técnico", "le escribo por mi esposo"): who writes, not the Master.
  [/\bsoy\s+(?:la|el)\s+(?:esposa|esposo|mujer|hija|hijo|hermana|hermano|mam[aá]|madre|pap[aá]|padre|novia|novio|sobrina|sobrino|prima|primo)\s+de\s+(?:un|una|el|la|mi)\s+(?:t[eé]cnico|mec[aá]nico|tech)\b/gi, ' '],
  // Getting married ("me casé", "me acabo de casar", "nos casamos"): the name on the profile ("casar" stems as "casa" does).
  [/\b(?:me|nos|se)\s+(?:cas[eéoó]|casamos|casaron)\b|\b(?:me\s+)?acab[oa]\s+de\s+casar(?:me|nos|se)?\b|\bme\s+voy\s+a\s+casar\b/gi, 'perfil'],
  // Having come to the country, on a visit ("vine a trabajar acá", "cuando vaya de visita"): the story of where, not its words.
  [/\bde\s+visita\b|\b(?:vine|vinimos|me\s+vine)\s+(?:a|pa|para)\s+(?=trabaj|vivir|chamb)/gi, ' '],
  // A little (the Dominican "un chin", "un chin de ayuda"): no country.
  [/\bun\s+chin(?:ito|cito)?\b/gi, ' '],
  // A certificate earned ("el certificado que ganó", "el master que gané"): not what a job pays.
  [/\b(certificad[oa]s?|certs?|diplomas?|master|certificaci[oó]n(?:es)?)\s+(?:que|q)\s+(?:gan[eéoó]|ganaste|ganamos|ganaron)\b/gi, '$1'],
  // English verbs with Spanish endings: "reschedulear", "rescheduliar", "reskedulear" are rescheduling.
  [/\bre-?s(?:c?h|k)edul\w*/gi, 'reprogramar'],
  // How long one has worked ("cuantos años de trabajo", "2 años trabajando", "tiempo trabajando de mecanico"): work experience.
  [/\b(?:anos?|meses|tiempo)\s+(?:de\s+trabajo|trabajando|de\s+chamba|de\s+laburo|de\s+curro|de\s+jale|chambeando|laburando|currando|en\s+el\s+oficio)\b/gi, 'experiencialaboral'],
  // Sight and hearing ("problemas de la vista", "no veo bien", "discapacidad auditiva"): what accommodations are for.
  [/\bproblemas?\s+(?:de|con)\s+(?:la\s+|mi\s+|el\s+)?(?:vista|vision|oido|audicion|lectura|atencion|concentracion|memoria)\b|\bno\s+(?:veo|oigo|escucho)\s+bien\b|\b(?:discapacidad|deficiencia)\s+(?:visual|auditiva)\b|\bdebil\s+visual\b/gi, 'adaptacion'],
  [/\bfull[\s-]?time\b/gi, 'tiempo completo'],
  [/\bpart[\s-]?time\b/gi, 'medio tiempo'],
  // "el jueves que viene", "la semana que viene": next, a date word (dates are the dialogs' business), not "vienen" of a question.
  [/\b(?:que|q)\s+viene\b/gi, ' '],
  // Late, as the Caribbean says it (session es-tune11: "si me coge tarde en el tapón", "llego después de la hora"): "el tapón" is
  // the traffic jam (not earplugs), "me coge/agarra tarde" is being late, arriving after the hour is late.
  [/\ben\s+(?:el|un|ese|tremendo)\s+tap[oó]n\b/gi, 'en el trafico'],
  [/\b(?:me|le|nos)\s+(?:coge|cogi[oó]|agarra|agarr[oó]|gana|gan[oó])\s+(?:la\s+)?tarde\b|\blleg(?:u[eé]|o|ar|ara|as|a|amos|aste|[oó])\s+(?:(?:a\s+(?:la|mi)\s+|al\s+)(?:cita|examen|prueba|test|centro)\s+)?despu[eé]s\s+de\s+(?:la|mi|su)\s+hora\b/gi, 'tarde noshow'],
  // Neither gone nor scheduled ("ni fui ni agendé"), and a cancellation denied before not going ("no cancelé, simplemente no fui"):
  // not going is what happened.
  [/\bni\s+(?:fui|llegu[eé]|me\s+present[eé]|asist[ií])\b/gi, 'noshow'],
  [/\bno\s+(?:lo\s+|la\s+)?cancel[eé](?=[^?]{0,40}?\bno\s+(?:fui|llegu[eé]|me\s+present[eé]|asist[ií])\b)/gi, ' '],
  [/\bno\s+(?:me\s+)?(?:present[eé]|presento|llegu[eé]|fui|asist[ií])\b/gi, 'noshow'],
  // Someone else not showing up (session es-tune11: "mi chamaco no se presentó a su cita", "mi empleado no fue a su examen", "no
  // llegó a la cita"): a No Show too ("no le llegó el certificado" keeps its own words: no appointment after it).
  [/\bno\s+se\s+(?:present[oó]|presentaron)\b|\bno\s+(?:fue|fueron|lleg[oó]|llegaron|asisti[oó]|asistieron)\s+(?=(?:a\s+(?:la|su|el|sus)\s+|al\s+)(?:cita|examen|prueba|test|centro)\b)/gi, 'noshow '],
  // Arriving after the appointment's hour ("cuando llegué ya había pasado la hora", "ya se me había pasado mi hora"): late.
  [/\b(?:ya\s+)?(?:se\s+me\s+)?(?:hab[ií]a|estaba)\s+pasad[oa]\s+(?:la|mi)\s+(?:hora|cita)\b/gi, 'tarde noshow'],
  [/\bse\s+me\s+(?:pas[oó]|olvid[oó])\s+(?:la|mi|el)\s+(?:cita|turno)\b/gi, 'noshow cita'],
  // Arriving late, in any tense ("llegué", "si llego", "llegar tarde"), is scored as a No Show.
  // ... with how late between ("llegué 20 minutos tarde", "llegue un poco tarde").
  [/\blleg(?:u[eé]|o|ar|ara|as|a|amos|aste)\s+(?:(?:unos|un|como|\d+|poco|ratito|minutos?|mins?|muy|bien|mas)\s+){0,3}tarde\b/gi, 'tarde noshow'],
  // Not going, said of what is ahead ("si no llego a mi cita", "si no voy"): a No Show too. Not "no llegó mi certificado".
  [/\bno\s+(?:llego|llegue|voy|asisto|me\s+presento)\s+(?:a\s+(?:la\s+|mi\s+|el\s+)?|al\s+)(cita|examen|prueba|test|centro)\b/gi, 'noshow $1'],
  [/\bsi\s+no\s+(?:llego|voy|asisto|me\s+presento)\b/gi, 'si noshow'],
  // "no voy a poder ir al examen", "no podré llegar": not going, said ahead (as "si no voy").
  [/\bno\s+(?:voy\s+a\s+poder|podr[eé]|vamos\s+a\s+poder)\s+(?:ir|llegar|asistir|presentarme)\b/gi, 'noshow'],
  // Late said without "tarde" ("cuando llegué ya habían pasado dos horas", "llegué media hora después", "llegué con 15
  // minutos de retraso"), and turned away at the door ("no me dejaron entrar", "ya no me dejaron hacer el test"): late, a No Show.
  [/\bcuando\s+(?:por\s+fin\s+)?lleg(?:u[eé]|[oó]|amos)\b(?:\s+\S+){0,4}?\s+ya\s+(?:hab[ií]an?|era|eran)\s+(?:pasado|empezado|comenzado|iniciado|terminado|acabado|cerrado|las|la)\b|\blleg(?:u[eé]|[oó]|amos)\s+(?:(?:a\s+(?:la|mi)\s+|al\s+)(?:cita|examen|prueba|test|centro)\s+)?(?:(?:con\s+)?(?:unos|un|una|como|media|mas\s+de|\d+|poco|ratito|minutos?|mins?|horas?)\s+){1,4}(?:despu[eé]s|de\s+retraso|de\s+atraso)\b|\blleg(?:u[eé]|[oó]|amos)\s+(?:(?:a\s+(?:la|mi)\s+|al\s+)(?:cita|examen|prueba|test|centro)\s+)?(?:con\s+retraso|retrasad[oa]|atrasad[oa])\b/gi, 'tarde noshow'],
  // (once: "llegué tarde y no me dejaron entrar" is late already)
  [/(?<!\bnoshow\b[^.?!]{0,60})\b(?:ya\s+)?no\s+me\s+(?:dejaron|dej[oó]|quisieron\s+dejar|permitieron|aceptaron)\s+(?:entrar|pasar|presentar(?:lo|la)?|hacer(?:lo|la)?|tomar(?:lo|la)?)\b/gi, 'noshow'],
  // Late with where between ("llegué a la prueba media hora tarde", "llegó al examen 10 minutos tarde").
  [/\blleg(?:u[eé]|o|ó|ar|ara|as|a|amos|aste)\s+(?:a\s+(?:la|mi)\s+|al\s+)(?:cita|examen|prueba|test|centro)\s+(?:(?:unos|un|una|como|media|\d+|poco|ratito|minutos?|mins?|horas?|muy|bien|mas)\s+){0,3}tarde\b/gi, 'tarde noshow'],
  // Missing the appointment denied, then what happened ("no, no falté a la cita, sí fui pero no pasé", "no me perdí la cita, fui y
  // reprobé"): the denial is no No Show; what follows says what is asked (session es-ninth).
  [/\bno\s+(?:falt[eé]|me\s+perd[ií]|perd[ií])(?:\s+(?:a\s+)?(?:la|mi|el)\s+(?:cita|examen|test|prueba))?(?=[^.?!]{0,40}?\b(?:s[ií]\s+(?:fui|me\s+present[eé]|llegu[eé])|(?:fui|me\s+present[eé])\s+(?:y|pero))\b)/gi, ' '],
  [/\bfalt[eé]\s+al?\b|\bno\s+(?:pude\s+(?:ir|llegar|asistir|presentarme)|fui|llegu[eé]\s+al?)\b/gi, 'noshow'],
  // "no alcancé a llegar", "no logré llegar", "no me dio tiempo de llegar": could not make it, a No Show.
  [/\bno\s+(?:alcanc[eé]|logr[eé]|me\s+dio\s+tiempo\s+de)\s+(?:a\s+)?(?:llegar|ir|presentarme|entrar)\b/gi, 'noshow'],
  // Not passing, in any person or tense ("si no paso", "mi hijo no pasó el A3", "en caso de no aprobarlo"), is failing;
  // not "no pasa nada", "el pago no pasó", nor moving it ("no la paso a otro día": the phrase for that comes after). What others did not
  // approve is not failing ("no aprobaron mi experiencia"): the third person only with the test after it.
  [/\bno\s+(?:lo\s+|la\s+)?(?:pas[eé]|aprob[eé])\b|\bno\s+(?:lo\s+|la\s+)?(?:pas(?:aste|ar(?:lo|la)?|ara|as)|aprob(?:aste|ar(?:lo|la)?)|aprueb(?:o|e|as))\b(?!\s+(?:nada|nadie|de\s+largo|por|a|al|pa|pal|para)\b)|\bno\s+(?:lo\s+|la\s+)?(?:pas[oó]|pasa|pasan|pasaron|aprob[oó]|aprobaron|aprueba|aprueban)\b(?=\s+(?:(?:el|la|los|las|mi|su|sus|mis)\s+)?(?:examen(?:es)?|tests?|pruebas?|[a-z]\d{1,2})\b)|\bsi\s+no\s+(?:lo\s+|la\s+)?paso\b(?!\s+(?:nada|nadie|de\s+largo|por|a|al|pa|pal|para)\b)/gi, 'reprobe'],
  // A test bought and not taken on its day ("el A1 que no tomé el martes"): missed.
  [/\bno\s+(?:lo\s+|la\s+)?tom[eé]\b/gi, 'noshow'],
  // A test bought and never taken, in any person ("le compré un examen en febrero y nunca lo tomó", "nunca lo presenté"): not
  // scheduled and not taken, the purchase window's lapse (session es-tune11); "¿todavía vale?" is whether it still serves.
  [/\bnunca\s+(?:lo|la)\s+(?:tom[eéoó]|present[eéoó]|hic[eo]|hizo|us[eéoó])\b/gi, 'sinprogramar'],
  [/\bnunca\s+(?:tom[eéoó]|present[eéoó]|hic[eo]|hizo|us[eéoó])(?=\s+(?:el|la|mi|su|ese|esa)\s+(?:examen|test|prueba)\s+(?:que|q)\s+(?:le\s+|me\s+)?(?:compr|pagu|pag[oó]))/gi, 'sinprogramar'],
  [/\b(?:todavia|aun)\s+(?:me\s+|le\s+|nos\s+)?(?:vale|valen|sirve|sirven)\b/gi, 'todavia sirve'],
  // Not wanting a bought test any more ("ya no lo quiero", "ya no lo voy a usar", "me arrepentí"): cancelling it.
  [/\b(?:ya\s+)?no\s+(?:lo|la)\s+(?:quiero|necesito|voy\s+a\s+(?:usar|tomar|hacer|presentar|necesitar))\b|\bme\s+arrepent[ií]\w*/gi, 'cancelar'],
  // "volver a tomar", in any form of "volver" ("lo vuelvo a presentar", "cuando vuelva a hacerlo",
  // "volverlo a intentar"): taking a test again.
  [/\b(?:volver|vuelv[oae]n?|vuelves|volvemos|volver[eéaá]n?|volver[ií]a|volv[ií]|volvi[oó]|volviendo)(?:lo|la|me)?\s+a\s+(?:tomar|presentar|hacer|intentar|sacar|aplicar|tronar)(?:lo|la|me)?\b/gi, 'repetir'],
  // "me devuelven el dinero", "me regresan mi lana", "devuelvan lo que pague": a refund, in any form of the verbs.
  [/\b(?:devolver|devuelv\w*|devolv\w*|regres\w*|reembols\w*)\s+(?:(?:el|mi|mis|la|lo|los|las|su|sus|que)\s+)?(?:dinero|lana|feria|plata|pago|dolares|que\s+pagu[eé])\b/gi, 'reembolso dinero'],
  // Again, said of a renewal ("cómo renuevo mi ASE, ¿hay que hacer el test completo otra vez?"): renewing, not a retest after failing.
  [/\b(renuev\w*|renov\w*|recertific\w*|recert)\b([^.?!]{0,60}?)\b(?:otra\s+vez|de\s+nuevo|nuevamente)\b/gi, '$1$2'],
  [/\bde\s+nuevo\b|\botra\s+vez\b|\bnuevamente\b/gi, 'repetir'],
  [/\bguias?\s+de\s+estudio\b|\bstudy\s+guides?\b/gi, 'guiaestudio'],
  [/\bsello\s+azul\b/gi, 'blue seal'],
  [/\bsilla\s+de\s+ruedas\b/gi, 'adaptacion'],
  // "hacer una cita", "sacar cita": making an appointment is scheduling it, not changing one.
  // Spain's "coger cita", "pedir hora": the same.
  [/\b(?:hacer|hago|sacar|saco|pedir|pido|coger|cojo)\s+(?:la\s+|una\s+|mi\s+)?(?:cita|hora)\b/gi, 'programar cita'],
  // Courses on the internet are e-learning ("cursos por internet"), not a test taken from home.
  [/\b(curso|cursos|clases?|programa)\s+(?:por|en)\s+internet\b/gi, '$1 enlinea'],
  [/\bexamen(?:es)?\s+de\s+practica\b|\bpractice\s+tests?\b/gi, 'practica'],
  [/\bexperiencia\s+(?:laboral|de\s+trabajo)\b|\bwork\s+experience\b/gi, 'experiencialaboral'],
  [/\bt[eé]cnicos?\s+maestros?\b|\bmaster\s+tech(?:nician)?s?\b/gi, 'master'],
  [/\bfecha\s+de\s+nacimiento\b/gi, 'nacimiento'],
  // The profile's fields named in English ("mi last name está mal", "el first name"): the Spanish words the entries use.
  [/\blast\s*names?\b|\bsur\s*names?\b/gi, 'apellido'],
  [/\bfirst\s*names?\b|\bmiddle\s*names?\b/gi, 'nombre'],
  [/\bestados\s+unidos\b|\bee\.?\s?uu\.?\b|\busa\b/gi, 'eeuu'],
  // (and the formal "fuera del territorio estadounidense", "fuera de los Estados Unidos")
  [/\bfuera\s+del?\s+pa[ií]s\b|\bfuera\s+de\s+(?:los\s+)?eeuu\b|\bfuera\s+del\s+territorio\s+(?:estadounidense|americano|nacional|de\s+(?:los\s+)?eeuu)\b|\ben\s+el\s+extranjero\b/gi, 'extranjero'],
  // Formal Spanish: "a distancia" is on line; "el manejo de refrigerantes" the EPA 609's refrigerant.
  [/\b(?:a|en)\s+distancia\b/gi, 'enlinea'],
  [/\bmanej\w*\s+(?:de\s+|del\s+)?(?:refrigerantes?|fre[oó]n|gas\s+refrigerante)\b/gi, 'epa609'],
  [/\bt[eé]rminos\s+y\s+condiciones\b|\bterms\s+(?:and|&|n)\s+conditions\b|\bt&c\b/gi, 'terminos condiciones'],
  [/\b(?:saqu[eé]|me\s+fue)\s+(?:muy\s+|bien\s+|super\s+|bastante\s+)?mal\b/gi, 'reprobe'],
  // "que puntaje necesito para aprobar", "calificacion minima para pasar", "passing score": the score to pass, a known gap.
  [/\b(?:puntaje|calificaci[oó]n|score|nota|puntos|aciertos)\b(?:\s+\S+){0,3}?\s+(?:(?:para|pa)\s+(?:pasar|aprobar)(?:lo|la)?|se\s+(?:pasa|aprueba))\b|\bpassing\s+score\b|\bporcentaje\s+aprobatorio\b/gi, 'puntajeaprobatorio'],
  // Falling ill or an emergency asked ahead ("y si me enfermo el día del examen, ¿qué pasa?"): the source has no exception
  // for it, a known gap. Said as a story ("me enfermé, ¿puedo cambiar la cita?") it stays the story's stop word.
  [/\b(?:qu[eé]\s+(?:pasa|hago|ocurre)\s+)?si\s+(?:me\s+(?:enfermo|enfermara|pongo\s+(?:malo|mala|enfermo|enferma)|da\s+(?:covid|gripa|gripe|fiebre)|hospitalizan)|estoy\s+enferm[oa]|tengo\s+una\s+emergencia|hay\s+una\s+emergencia)\b/gi, 'excepcion'],
  // Testing on a weekend ("¿hay citas en domingo?", "abren los fines de semana"): the days one chooses among when scheduling, a
  // known gap (test centres); "el sábado" is a date, left to the dialogs.
  [/\b(?:en|los|las)\s+(?:s[aá]bados?|domingos?|fin(?:es)?\s+de\s+semana|weekends?)\b/gi, 'findesemana'],
  // How many times or chances one has to take, repeat or pass a test ("¿cuántas veces al año puedo repetir el examen?",
  // "¿cuántas oportunidades tengo para pasar?"): the attempts limit, a known gap, not the retest's waiting time.
  [/\bcu[aá]nt[ao]s\s+(?:veces|oportunidades|chances|intentos)\b(?=(?:\s+\S+){0,5}?\s+(?:repetir(?:lo|la)?|repito|tomar(?:lo|la)?|tomo|presentar(?:lo|la)?|presento|hacer(?:lo|la)?|intentar(?:lo|la)?|reprobar|volver|pasar(?:lo|la)?|aprobar(?:lo|la)?)\b)/gi, 'cuantosintentos'],
  // Results that do not come ("no me llegan los resultados", "el puntaje no me ha llegado"): the results entry's "salen",
  // not the late arrival's "llegar".
  [/\b(?:me\s+)?(?:ha(?:n)?\s+)?(?:llega|llegan|llegado|llego)\s+(?=(?:el|los|mis?|mi|nada\s+de|ningun|ning[uú]n)\s+(?:resultados?|puntajes?|scores?|reportes?)\b)|(?<=\b(?:resultados?|puntajes?|scores?)\s+(?:no\s+|todavia\s+no\s+|aun\s+no\s+)?)(?:me\s+)?(?:ha(?:n)?\s+)?(?:llega|llegan|llegado|llego)\b/gi, 'salen '],
  // "la tarde" is the afternoon ("cambiar mi examen de la mañana a la tarde"), not arriving late: "¿Cancelarían mi examen
  // si llego tarde?" met change-or-cancel on "tarde".
  [/\b(?:a|en|por|de|pa|para)\s+la\s+tarde\b/gi, 'vespertino'],
  // The 90 days to test in ("no hice el test en 90 días"): a number alone is dropped, so the window is said in a word.
  [/\b(?:90|noventa)\s+d[ií]as\b/gi, 'noventadias'],
  // Two accounts, or one made again ("hice dos cuentas", "abrí otra cuenta", "juntar mis cuentas"): the account gap's, not a
  // correction of the profile nor a duplicate certificate.
  [/\b(?:dos|2|otra|segunda|nueva)\s+(?:cuentas?|usuarios?|perfiles?)\b|\bcuentas?\s+(?:duplicadas?|dobles?|repetidas?)\b|\b(?:juntar|junto|unir|uno|fusionar|combinar)\s+(?:las|mis|ambas|las\s+dos)\s+cuentas\b/gi, 'cuentadoble'],
  // Making a myASE account ("cómo creo mi cuenta de myASE", "hacer una cuenta en myase", "abrir cuenta en la página", "darme de
  // alta en el sitio"): the account gap of its own (the FAQ has no steps for it), not the account details' gap nor a password.
  // ("abrí otra cuenta" is two accounts, above; "registrarme en la página para el examen A5" is signing up for a test.)
  [/\b(?:cre(?:o|ar|e|ar(?:me|la)|amos)|hago|hacer|hice|hacerme|abr(?:o|ir|irme|i)|sac(?:o|ar)|registr(?:o|ar)|armar?)\s+(?:(?:una|mi|la|un|nueva|su)\s+){0,2}(?:cuenta|usuario|perfil)\b(?!\s+(?:doble|duplicada|repetida))|\bdar(?:me|se)?\s+de\s+alta\b|\bme\s+doy\s+de\s+alta\b|\b(?:registrarme|registrarse|inscribirme|suscribirme)\s+(?=(?:en|a)\s+(?:la\s+|el\s+)?(?:pagina|p[aá]gina|sitio|web|myase|portal)\b)(?![^.?!]*\b(?:examen(?:es)?|tests?|pruebas?|citas?|[a-z]\d{1,2})\b)/gi, 'cuentanueva '],
  // A course, class or teacher of a language, whatever stands between ("cursos en línea de inglés", "clases gratis de
  // inglés", "curso e-learning de español"): learning the language, not the tests' language nor ASE's E-Learning course.
  [/\b(?:cursos?|clases?|maestr[oa]s?|profes?|profesor(?:a|es|as)?|tutor(?:es)?|academias?)\s+(?:\S+\s+){0,3}?(?:de|para|pa)\s+(?:aprender\s+)?(?:el\s+)?(?:ingl[eé]s|espa[nñ]ol|idiomas?|franc[eé]s)\b/gi, 'cursoidioma'],
  // Accommodations at work or at school ("acomodaciones en mi trabajo", "adaptaciones para la escuela"): the employer's or the
  // school's, not the test's (ADA accommodations for an ASE test are asked of ASE).
  [/\b(?:acomodaci[oó]n(?:es)?|adaptaci[oó]n(?:es)?|ajustes?|accommodations?)\s+(?:razonables?\s+)?(?:(?:por|de)\s+(?:mi\s+|una\s+)?(?:discapacidad|incapacidad|condici[oó]n|lesi[oó]n|enfermedad)\s+)?(?:en|para|de)\s+(?:mi|el|la|su)\s+(?:trabajo|empleo|chamba|jale|oficina|universidad|escuela|clase|colegio|casa|avi[oó]n|vuelo|aeropuerto|hotel|restaurante|hospital|banco|tienda|gimnasio|iglesia)\b/gi, 'adaptacionajena'],
  // Whether the appointment was made ("cómo sé que mi cita quedó agendada", "me confirman la cita"): its confirmation, a known gap.
  [/\bqued[oó]\s+(?:bien\s+)?(?:agendad|programad|registrad|reservad|apartad|confirmad)[oa]s?\b|\bconfirm(?:an|en|ar|aron|o|ó)\s+(?:la|mi)\s+cita\b/gi, 'confirmacion cita'],
  // Experience a job application asks for ("me pidieron experiencia pa un trabajo de cocinero", "experiencia para el empleo
  // nuevo"): the employer's requirement, not ASE's.
  [/\b(?:experiencia|experiencialaboral)\s+(?:para|pa)\s+(?:un|el|otro|ese|este|mi\s+nuevo|un\s+nuevo|el\s+nuevo)\s+(?:trabajo|empleo|puesto|chamba|jale)\b/gi, 'experienciaajena'],
  // Five days or weeks gone by ("aprobé hace cinco semanas", "ya pasaron cinco días"): a length of time, not the five years of
  // recertification.
  [/\bcinco\s+(?=(?:d[ií]as|semanas|meses|horas|minutos)\b)/gi, ' '],
  // A shop owner telling who they are ("soy dueño de un taller", "tengo un taller en Houston y quiero inscribir a dos mecánicos"):
  // the story; what is asked follows (not the test centres nor a shop's recognition).
  [/\bsoy\s+(?:el\s+|la\s+)?(?:due[nñ][oa]|patr[oó]n|gerente|manager|encargad[oa])\s+(?:de|del)\s+(?:un|una|el|la|mi)\s+(?:taller|shop|negocio|dealer|agencia)\b|\btengo\s+(?:un|mi)\s+(?:taller|shop|negocio)(?:\s+(?:de\s+mec[aá]nica|mec[aá]nico))?(?:\s+en\s+(?:[^\s,.;]+\s+)??[^\s,.;]+)?(?=\s*[,.;]?\s*(?:y|e|pero)?\s*(?:quiero|quisiera|necesito|mis|tengo|como|c[oó]mo)\b)/gi, ' '],
  // Questions answered wrong, however they are called ("las preguntas incorrectas", "las que tuve equivocadas"), and where one
  // is weak ("dónde estoy flojo", "en qué salí débil"): the missed questions and what to study.
  [/\bpreguntas\s+(?:incorrectas|equivocadas|err[oó]neas|malas|erradas)\b/gi, 'preguntas que falle'],
  [/\b(?:en\s+)?(?:d[oó]nde|qu[eé])\s+(?:estoy|ando|sal[ií]|salgo|qued[eé])\s+(?:flojo|floja|d[eé]bil|mal|bajo|baja)\b/gi, 'que estudiar preguntas que falle'],
  [/\btask\s*lists?\b|\blista\s+de\s+tareas\b/gi, 'blueprint'],
  // Earning a title ("cómo se gana uno el título de master", "ganarme la certificación"): getting it, not a salary.
  [/\bgan(?:a|ar|arse|arme|o|an)\s+(?:uno\s+)?(?=(?:el|la|mi|su)\s+(?:t[ií]tulo|certificaci[oó]n|certificado|master|blue\s+seal)\b)/gi, 'obtener '],
  // Certified by passing ("con solo pasar el examen ya quedo certificado"): being certified, as "estoy certificado".
  [/\b(?:qued(?:o|a|ar|as|ar[ií]a|ar[eé])|soy)\s+(?=certificad[oa]s?\b)/gi, 'estoy '],
  // More than the test asked for ("¿necesito algo más?", "qué más hace falta además del examen"): what is missing, the experience.
  [/\b(?:necesito|necesita|ocupo|ocupa|requiero|requiere|hace\s+falta|falta)\s+algo\s+m[aá]s\b|\b(?:adem[aá]s|aparte)\s+del?\s+(?:examen|test|prueba)\b/gi, 'falta algo'],
  // How long a purchase lasts ("¿cuánto dura la compra del test?", "cuánto me dura lo que pagué"): the purchase window, not the
  // Master's nor a certification's length.
  [/\b(?:cu[aá]nto\s+(?:tiempo\s+)?)?(?:me\s+|le\s+)?dura\s+(?:la\s+compra|el\s+pago|lo\s+que\s+pagu[eé]|el\s+(?:examen|test)\s+(?:que|q)\s+(?:compr[eé]|pagu[eé]))\b/gi, 'cuanto tiempo sirve compra'],
  // A certificate lost on its way ("¿se habrá perdido?", "se perdió en el correo"), or not come though the result says passed ("el resultado sí dice que pasé"): its arrival, not a lost one nor the results.
  [/\bse\s+(?:habr[aá]n?|haya|hayan|ha|han)\s+perdido\b(?!\s+(?:mi|el|los|mis)\b)|\bse\s+perdi[oó]\s+en\s+el\s+(?:correo|camino|env[ií]o)\b/gi, 'no llego'],
  [/(?:\b(?:pero|aunque|y)\s+|^\s*)(?:el|mi|los|mis)\s+resultados?\s+(?:s[ií]\s+|ya\s+)?(?:(?:dice|dicen|sale|salen|aparece|aparecen)\s+(?:que\s+|q\s+)?)?(?:pas[eé]|aprob[eé]|aprobado|passed)\b/gi, ' aprobe'],
  // How long a refund takes to come ("¿en cuántos días me cae el reembolso?", "cuánto tarda en llegar el refund"): a known gap
  // (the FAQ says only that a cancelled test is refunded), not how to cancel.
  [/\b(?:cu[aá]nto\s+(?:tiempo\s+)?(?:se\s+)?tarda(?:n)?\s+(?:en\s+(?:llegar|caer|reflejarse|verse|depositarse)\s+)?|en\s+cu[aá]ntos\s+d[ií]as\s+(?:me\s+|le\s+)?(?:cae|llega|depositan|regresan|devuelven|reflejan?|se\s+refleja)\s+|cu[aá]ndo\s+(?:me\s+|le\s+)?(?:cae|llega|depositan|reflejan?|se\s+refleja)\s+)(?:el|mi|su)\s+(?:reembolso|refund)\b/gi, 'tardareembolso reembolso'],
  // A certification made valid elsewhere ("convalidar mi ASE en otro país", "homologar", "revalidar"): whether it is recognised.
  [/\b(?:convalid|homolog|revalid)\w*/gi, 'reconocen internacionalmente'],
  // A vehicle's registration however the vehicle is named ("el registro de un carro en California", "se me venció el registro del
  // truck"): the vehicle's paper (a cue), not signing up for a test.
  [/\b(?:registro|registraci[oó]n|registration)\s+(?:de|del)\s+(?:(?:un|una|mi|el|la|su|los|las|mis)\s+)?(?:carros?|trocas?|trucks?|veh[ií]culos?|camionetas?|motos?|autos?|coches?|pickups?|vans?|tr[aá]ilers?|traileres)\b/gi, 'registro del carro'],
  // A class at a college ("la clase de mecánica diésel en el community college", "cursos en la universidad"): the school's, not
  // ASE's E-Learning nor its registration; whether it counts as experience stays ASE's question.
  [/\b(?:clases?|cursos?)\s+(?:(?:de|del)\s+(?:[^\s,.;?]+\s+){1,3}?)?en\s+(?:el|un|una|la|mi)\s+(?:community\s+college|colegio(?:\s+comunitario)?|universidad|instituto|college|escuela)\b(?![^.?!]*\b(?:cuenta|cuentan|contar|experiencia\w*|vale|valen|sirve|sirven|sustitu\w*|reemplaz\w*|equivale\w*)\b)/gi, 'clases de la escuela'],
  // How long ASE takes to review or approve something ("cuánto tarda ASE en revisar mi formulario", "cuánto se tardan en aprobar
  // la experiencia"): the review's time, a known gap.
  [/\btard(?:a|an|ara|aran|ar[aá]n?|ando)\s+(?:(?:ase|ellos|uds|ustedes)\s+)?(?:en\s+)(?:revisar|aprobar|procesar|verificar|validar|checar)(?:lo|la|me)?\b/gi, 'tardanrevision'],
  // A letter for an employer ("una carta de experiencia pa mi nuevo trabajo", "carta de recomendación"): the employer's paper, not
  // ASE's (session es-tune11).
  [/\bcartas?\s+de\s+(?:experiencia(?:laboral)?|recomendaci[oó]n|referencias?|empleo)\b/gi, 'experienciaajena'],
  // An appointment with a doctor, however it is said ("la cita del doctor", "cita con mi médico", "cita médica"): the
  // entries name a doctor only for the ADA paperwork, so the owner rule cannot see it.
  [/\bcitas?\s+(?:(?:del|de\s+(?:la|mi|el)|con\s+(?:el|la|mi|su|un|una))\s+(?:doctor|doctora|doc|m[eé]dic[oa]|dentista|pediatra|especialista|terapeuta|quiropr[aá]ctic[oa]|ginec[oó]log[oa]|oculista|optometrista|veterinari[oa]|psic[oó]log[oa])|m[eé]dicas?)\b/gi, 'citamedica'],
  [/\be[\s-]?learning\b|\ben\s+l[ií]nea\b|\bonline\b/gi, 'enlinea'],
  [/\bsecci[oó]n\s+609\b|\bepa\b|\b609\b/gi, 'epa609'],
  [/\bcorreo\s+electr[oó]nico\b|\be-?mail\b/gi, 'email'],
  [/\bnivel\s+avanzado\b|\badvanced\s+level\b/gi, 'avanzado'],
  // "mi ase id", "el id de ase", "numero de ase": the candidate's ASE ID (a known gap), not myASE.
  [/\b(?:ase\s+id|id\s+de\s+ase|n[uú]mero\s+de\s+ase)\b/gi, 'aseid'],
  [/\bmi\s+ase\b/gi, 'myase'],
  // Not expired yet ("aunque todavía no me vence", "me faltan 8 meses pa que se venza"): before it expires, early.
  [/\b(?:todavia|aun|aunque|pero|si)\s+no\s+(?:se\s+|me\s+|le\s+|les\s+)?(?:ha(?:n)?\s+)?(?:vence|vencen|venza|venzan|vencido|vencida|expira|expiran|caduca|caducan)\b|\bme\s+faltan?\s+(?:\S+\s+){0,3}?(?:pa|para)\s+(?:que|q)\s+(?:se\s+|me\s+)?(?:venza|venzan|venc\w*|expire\w*)\b/gi, 'antes de que venza'],
  // "volver a certificarme", "certificarse de nuevo": recertifying, not retaking a failed test.
  [/\bvolver\s+a\s+certificar(?:se|me|lo|la)?\b/gi, 'recertificacion'],
  // "se me paso la fecha del examen": the appointment missed.
  // Not "se me pasó la fecha pa renovar": a certification let lapse; nor with the lapse told in the same sentence ("se me
  // pasó la fecha y ya se venció el A4", session es23).
  [/\bse\s+me\s+pas[oó]\s+(?:la\s+fecha|el\s+d[ií]a|la\s+hora)\b(?!\s+(?:pa|para|de)\s+(?:renovar|recertific\w*|la\s+recert\w*))(?!(?!\s+(?:de\s+(?:la|mi)|del)\s+(?:cita|examen|test|prueba|turno)\b)[^.?!]{0,60}?\b(?:renov\w*|recertific\w*|recert|venc[ei]\w*|venz\w*|expir\w*|caduc\w*)\b)/gi, 'noshow cita'],
  // a learning disability, extra time, a room of one's own, "mi condicion": what accommodations are for.
  [/\b(?:problemas?|discapacidad(?:es)?|dificultad(?:es)?)\s+de\s+aprendizaje\b|\btiempo\s+extra\b|\b(?:cuarto|sal[oó]n)\s+(?:aparte|separado|privado|solo|sol[oa]\s+para\s+m[ií])\b|\bproblemas?\s+(?:en|con|de)\s+(?:la|las|el|los|mi|mis)\s+(?:manos?|brazos?|espalda|piernas?|ojos|o[ií]dos?|vista)\b|\bmi\s+condici[oó]n\b/gi, 'adaptacion'],
  // Several tests in one sitting ("puedo hacer 3 examenes el mismo dia", "dos tests en una sola visita", "tomar el A5 y el A6 el
  // mismo día", session es23; not "tengo el A5 y el A6 el mismo día, ¿puedo cambiar uno?"): the test-format gap.
  [/(?=\s+(?:el|en)\s)(?<=\b(?:examenes|tests|pruebas|mas\s+de\s+un\s+(?:examen|test)|(?:tomar|tomo|hacer|hago|presentar|presento|agendar|agendo|programar|programo|sacar|saco)\s+(?:\S+\s+){0,3}?[a-z]\d{1,2}\s+(?:y|e)\s+(?:el\s+|la\s+)?[a-z]\d{1,2})\b(?:\s+\S+){0,3}?)\s+(?:el\s+mismo\s+dia|en\s+un\s+(?:solo\s+)?dia|en\s+una\s+(?:sola\s+)?(?:visita|sentada))\b/gi, ' variosexamenes'],
  // What one got wrong, said with "mal" ("lo que tuve mal", "las que contesté mal", "cuáles estaban mal"), or "malas",
  // "incorrectas" of the questions ("cuáles tuve malas", "las que me salieron incorrectas", session es23): the answers
  // missed, as the domain word "equivocar" (a message of those words alone named nothing of ASE testing).
  [/\b(?:(?:que|q|cuales|lo\s+que|lo\s+q|las\s+que|las\s+q|los\s+que|en\s+que|en\s+q)\s+(?:tuve|tengo|conteste|contest[eé]|respond[ií]|saqu[eé]|puse|marqu[eé]|sali|sal[ií])|cuales\s+(?:estaban|estuvieron|fueron|salieron|tuve))\s+mal(?:as|os|a|o)?\b|\b(?:cu[aá]les|cu[aá]ntas|las\s+que|las\s+q|(?:las\s+)?preguntas\s+(?:que|q))\s+(?:tuve|saqu[eé]|conteste|contest[eé]|me\s+salieron|salieron|estaban)\s+(?:malas|incorrectas|equivocadas|mal\s+contestadas)\b/gi, 'equivocar'],
  // "cuantas preguntas tiene": how many questions a test has (a known gap), not the questions one missed.
  [/\bcu[aá]nt[ao]s\s+preguntas\b/gi, 'numeropreguntas'],
  // Thrown away is lost ("tiró a la basura mis certificados", "los eché a la basura").
  [/\b(?:(?:tir|bot|ech)\w*\s+)?(?:a|en)\s+la\s+basura\b/gi, 'perdi'],
  // "otro certificado", "se me perdio el certificado", "se me mojo": a certificate in place of a lost or damaged one.
  // (what damaged it comes after "con", no owner: "se me mojó el certificado con una fuga de agua")
  [/\b(?:otro|nuevo)\s+certificado\b|\bcertificado\s+nuevo\b|\botro\s+diploma\b|\b(?:perd[ií]|se\s+me\s+(?:perdi[oó]|rompi[oó]|moj[oó]|quem[oó]))\b(?:\s+\S+){0,3}?\s+(?:certificados?|diplomas?|certs?)\b(?:\s+con\b)?|\bse\s+(?:me\s+)?(?:arruin(?:[oó]|aron)|da[nñ](?:[oó]|aron)|destruy(?:[oó]|eron)|rompieron|mojaron|quemaron|perdieron)\b(?:\s+[^\s.?!]+){0,6}?\s+(?:certificados?|diplomas?|certs?)\b/gi, 'duplicado certificado'],
  // The certificate named, then another asked for ("tenía el certificado ahí, necesito otro", "¿cómo consigo uno nuevo?").
  [/\b(?:certificados?|diplomas?|certs?)\b((?:\s+\S+){0,10}?\s+)(?:necesito|ocupo|quiero|pido|consigo|conseguir|saco|sacar|obtengo|obtener|tramito|tramitar|mandan|manden|envian|envien|dan|den)\s+(?:otro|uno\s+nuevo|otra\s+copia|uno\s+de\s+reemplazo)\b/gi, 'certificado$1duplicado'],
  // "una copia extra", "otra copia", "una segunda copia": a duplicate.
  [/\b(?:copias?\s+(?:extra|adicional(?:es)?|de\s+mas)|otra\s+copia|segunda\s+copia)\b/gi, 'duplicado'],
  // ... and so is a certificate "extra", "adicional" or "de más" ("necesito un certificado extra pa mi otro trabajo").
  [/\b(certificados?|certs?|diplomas?)\s+(?:extras?|adicional(?:es)?|de\s+m[aá]s)\b/gi, 'duplicado $1'],
  // "que alguien me lea el examen", "no leo bien": a reader is an accommodation.
  [/\bme\s+(?:lo\s+|la\s+)?(?:lea|lean|leyera|leyeran)\b|\bno\s+(?:leo|s[eé]\s+leer)\s+bien\b|\bno\s+s[eé]\s+leer\b/gi, 'lector'],
  // "aire acondicionado", "a/c": the refrigerant rules of the EPA Section 609 programme.
  [/\baire\s+acondicionado\b|\ba\/c\b/gi, 'epa609'],
  // How long a certification lasts is when it expires ("cuanto dura la certificacion"), not how long the test takes.
  // ("cuantos años dura la cert", "cuanto duran los certificados": the same, however the certification is named.)
  [/\b(?:certificaci[oó]n(?:es)?|certificados?|certs?)\b(?:\s+\S+){0,2}?\s+dura(?:n)?\b|\bdura(?:n)?\b(?:\s+\S+){0,2}?\s+(?:la\s+|las\s+|el\s+|los\s+|mi\s+|mis\s+)?(?:certificaci[oó]n(?:es)?|certificados?|certs?)\b/gi, 'certificacion vencer'],
  // "cambio mi correo": the e-mail (a known gap), unless it says the post.
  [/\b(?:cambi\w*|actualiz\w*|nuevo|otro)\s+(?:de\s+|mi\s+|el\s+)?correo\b(?!\s+(?:postal|llega))/gi, 'email'],
  [/\bcambi(?:o|e|é|ar|amos)\s+de\s+(?:casa|domicilio|estado|ciudad|apartamento|departamento|depa|apto|residencia|vivienda)\b/gi, 'domicilio'],
  // Adverbs made of "de" and a word ("cancelar el examen de plano", "lo quiero de una vez", "de todos
  // modos"): how, not whose; left in, the word after "de" read as the examen's owner (someone else's test).
  [/\bde\s+(?:vuelta|regreso|nuevo\s+ingreso|plano|una\s+vez|todas?\s+(?:formas|maneras|modos)|todos\s+modos|inmediato|verdad|veras|hecho|repente|pronto|volada|momento|preferencia|antemano|prisa|seguro|casualidad|chiripa|rapido|rapidito|emergencia|urgencia)\b/gi, ' '],
  // Never scheduled ("nunca lo agendé", "todavía no he hecho la cita", "sin programar", "si no lo agendo"): the 90 days
  // to schedule and take a test bought, not how to schedule one.
  [/\b(?:nunca|todavia\s+no|aun\s+no|no|sin)\s+(?:lo\s+|la\s+|los\s+|las\s+|me\s+)?(?:he\s+|hab[ií]a\s+)?(?:agend(?:[eé]|o|ado|ada|ar(?:lo|la)?)|program(?:[eé]|o|ado|ada|ar(?:lo|la)?)|reserv(?:[eé]|o|ado|ada)|(?:hice|hecho|saqu[eé]|sacado|ped[ií]|pedido)\s+(?:la\s+|mi\s+|una\s+|ninguna\s+)?cita|(?:escog[ií]|eleg[ií]|puse)\s+(?:la\s+|una\s+)?fecha)\b/gi, 'sinprogramar'],
  // "¿me devuelven?", "¿me regresan algo?": a refund, the money unsaid (the phrase above wants it said).
  [/\bme\s+(?:devuelv\w*|regres(?:an|en|aran)|reembols\w*)\b/gi, 'reembolso dinero'],
  // Failed by a little ("me quedé a dos preguntas", "me faltaron 3 puntos", "por dos preguntas"):
  // a failed test, not the questions missed.
  [/\bme\s+(?:qued[eé]|falt(?:[oó]|aron))\s+(?:a\s+|por\s+)?(?:un|una|dos|tres|cuatro|cinco|pocas|pocos|unas|unos|\d+)\s+(?:preguntas?|puntos?|respuestas?)\b|\bpor\s+(?:un|una|dos|tres|poquito|poco|\d+)\s+(?:preguntas?|puntos?)\b|\bme\s+falt[oó]\s+(?:muy\s+)?(?:poco|poquito|tantito)\b/gi, 'reprobe'],
  // "las condiciones de ASE", "condiciones de uso" (not "mi condicion", an accommodation): the terms and conditions.
  [/(?<!\bterminos\s+)\bcondiciones\b/gi, 'terminos condiciones'],
  // "¿es normal?", "¿es normal que...?": whether what is told is to be expected, not the regular test (recertification's
  // "el examen normal") nor the test format.
  [/\b(?:es|sera|ser[aá])\s+normal\b/gi, ' '],
  // Hedges ("más o menos cuánto tarda", "normalmente"): how sure, not what is asked.
  [/\bm[aá]s\s+o\s+menos\b|\baproximadamente\b|\bnormalmente\b|\bpor\s+lo\s+general\b/gi, ' '],
  // Questions about the assistant itself ("¿quién te programó?", "¿eres un robot?", "¿cómo te llamas?"):
  // one word, so "programó" is not scheduling and "persona" not a person to talk to.
  [/\bqui[eé]n(?:es)?\s+te\s+(?:hizo|hicieron|program[oó]|programaron|cre[oó]|crearon|invent[oó]|dise[nñ][oó]|entren[oó])\b|\beres\s+(?:un\s+|una\s+)?(?:robot|bot|chatbot|humano|humana|persona|m[aá]quina|ia|inteligencia\s+artificial|computadora)\b|\bc[oó]mo\s+te\s+llamas\b/gi, 'asistentevirtual'],
  // ... and about its own answer ("no me sirvió tu respuesta", "esa respuesta no me ayudó"): the answer given, not the
  // test's answers (the missed questions).
  [/\b(?:tu|esa)\s+respuesta\b|\bno\s+me\s+(?:ayudaste|ayud[oó]\s+(?:tu|su|esa|la)\s+respuesta)\b/gi, 'asistentevirtual'],
  // "¿hablas español?" said alone asks the assistant; in a longer question ("no hablo inglés, ¿hay examen
  // en español?") the tests' language is asked.
  [/^\s*[¿¡]?\s*(?:y\s+)?(?:tu\s+)?(?:hablas|habla\s+usted)\s+(?:espanol|ingles)\s*[?!.]*\s*$/gi, 'asistentevirtual'],
  // "los fines (de semana)": when, the dialogs' business.
  [/\b(?:los\s+)?fines(?:\s+de\s+semana)?\b|\bfin\s+de\s+semana\b/gi, ' '],
  // A vehicle's own thing, however the vehicle is called ("el título de mi troca", "el seguro de la
  // camioneta"): met on one wording, so the cues for the car's paperwork hold for every name of it.
  [/\b(?:del|de\s+(?:mi|el|la|su|tu|mis|sus))\s+(?:carro|troca|troka|camioneta|auto|coche|vehiculo|veh[ií]culo|moto|camion|cami[oó]n|pickup|pick-up|nave|ranfla|van)\b/gi, 'del carro'],
  // A driving test or licence, however it is worded ("la prueba práctica de manejo", "licencia para
  // conducir"): one wording each, so the cues for them hold for all.
  [/\b(?:examen|prueba|test)(?:\s+(?:pr[aá]ctic[oa]|escrit[oa]|te[oó]ric[oa]))?\s+(?:de|para)\s+(?:manejo|manejar|conducir)\b/gi, 'examen de manejo'],
  // (not a licence to handle refrigerant, the EPA 609's: "licencia para manejar refrigerante")
  [/\blicencia\s+(?:de|para)\s+(?:manejo|manejar|conducir)\b(?!\s+(?:de\s+|el\s+|los\s+)?(?:refrigerante|freon|gas))/gi, 'licencia de manejo'],
  // After a test failed, doing "it" ("reprobé el A5, ¿lo puedo tomar el viernes?", "troné el T4, ¿cuándo puedo hacerlo?") is
  // taking it again (the test named after the failing, or nothing: "reprobé matemáticas, ¿puedo hacerlo en verano?" is no test of ASE).
  [/\b(?=lo\s|la\s|hacer|tomar|presentar)(?<=\b(?:reprob\w*|repobre|fail\w*|falle|tron[eéoó]|suspend\w*)(?:(?:\s+[^\s,.;?]+){0,3}?\s+(?:[a-z]\d{1,2}|examen|test|prueba)\b|\s*[,.;])[^?]{0,80}?)\b(?:(?:lo|la)\s+(?:(?:puedo|podre|podria|puede|podemos|se\s+puede)\s+)?(?:hacer|hago|tomar|tomo|presentar|presento)|(?:hacer|tomar|presentar)(?:lo|la))\b/gi, 'repetir'],
  // "para coserlas en mi camisa", "para enmarcarlo": what the thing is for, not whose it is.
  [/\b(?:para|pa)\s+(?=[a-z]{2,}(?:ar|er|ir)(?:se|me|lo|la|le|los|las|les|nos|te)?\b)/gi, ' '],
];

/** Variant -> canonical word (accents already folded), before stemming. */
const synonyms: Record<string, string> = {
  test: 'examen', tests: 'examen', exam: 'examen', exams: 'examen', prueba: 'examen', pruebas: 'examen', examenes: 'examen',
  appointment: 'cita', appt: 'cita', turno: 'cita',
  reprogramar: 'reprogramar', reagendar: 'reprogramar', reschedule: 'reprogramar', reschedulear: 'reprogramar',
  muevo: 'reprogramar', mueve: 'reprogramar', muevan: 'reprogramar', muevas: 'reprogramar', cambiar: 'cambiar', cambio: 'cambiar', mover: 'reprogramar', posponer: 'reprogramar',
  cancelo: 'cancelar', cancelacion: 'cancelar', cancel: 'cancelar',
  reprobe: 'reprobar', repruebo: 'reprobar', reprobado: 'reprobar', reprobada: 'reprobar', falle: 'reprobar', fallar: 'reprobar', failed: 'reprobar', fail: 'reprobar', truene: 'reprobar', tronar: 'reprobar', trone: 'reprobar', trono: 'reprobar',
  retake: 'repetir', retest: 'repetir', retomar: 'repetir', repito: 'repetir',
  cert: 'certificado', certs: 'certificado', certificate: 'certificado', diploma: 'certificado',
  recert: 'recertificacion', recertificar: 'recertificacion', recertifico: 'recertificacion', renovar: 'recertificacion', renuevo: 'recertificacion', renovacion: 'recertificacion',
  vence: 'vencer', vencio: 'vencer', caduca: 'vencer', caduco: 'vencer', expira: 'vencer', expiro: 'vencer', expire: 'vencer', expiran: 'vencer', caducan: 'vencer', vencen: 'vencer',
  // Proving one's experience, in any word for it (session es-tune11: "qué tiene que demostrar además del examen").
  demostrar: 'comprobar', demuestre: 'comprobar', demuestra: 'comprobar', demuestro: 'comprobar', demostre: 'comprobar', compruebo: 'comprobar', compruebe: 'comprobar', comprueba: 'comprobar', vencimiento: 'vencer',
  resultado: 'resultados', results: 'resultados', calificacion: 'resultados', notas: 'resultados',
  duplicado: 'duplicado', copia: 'duplicado', reemplazo: 'duplicado', reimprimir: 'duplicado', duplicate: 'duplicado',
  direccion: 'domicilio', address: 'domicilio', addy: 'domicilio', mude: 'domicilio', mudanza: 'domicilio', mudo: 'domicilio',
  espanol: 'espanol', spanish: 'espanol', bilingue: 'espanol', ingles: 'ingles',
  acomodacion: 'adaptacion', acomodaciones: 'adaptacion', adaptaciones: 'adaptacion', accommodation: 'adaptacion', discapacidad: 'adaptacion', dislexia: 'adaptacion', ada: 'adaptacion',
  parche: 'insignia', parches: 'insignia', insignias: 'insignia', mercancia: 'insignia',
  mecanico: 'tecnico', mecanicos: 'tecnico', tech: 'tecnico',
  // "donde se paga el A3", "pagan", "pagado": paying is buying, in every form ("pag" is too short a stem for the table's reading by stem).
  paga: 'comprar', pagan: 'comprar', pago: 'comprar', pagas: 'comprar', pagamos: 'comprar', pagado: 'comprar', pagando: 'comprar', pagaron: 'comprar', pagues: 'comprar', paguen: 'comprar',
  // Spain: "examinarme" is taking a test, "suspender" failing it ("suspensión", the A4's subject, stays itself).
  examinarme: 'examen', examinar: 'examen', examinarse: 'examen', examino: 'examen',
  suspendi: 'reprobar', suspendido: 'reprobar', suspender: 'reprobar', suspendo: 'reprobar', suspenda: 'reprobar',
  // Moving house in its forms ("mudado", "mudarme": the stem "mud" is too short for the reading by stem).
  mudado: 'domicilio', mudar: 'domicilio', mudarme: 'domicilio', mudaron: 'domicilio', mudando: 'domicilio',
  tips: 'preparar', consejos: 'preparar', consejo: 'preparar',
  // English abbreviations of the profile's fields.
  dob: 'nacimiento', birthday: 'nacimiento', birthdate: 'nacimiento', cumpleanos: 'nacimiento',
  territorios: 'territorio',
  comprar: 'comprar', compre: 'comprar', compra: 'comprar', pagar: 'comprar', pague: 'comprar', buy: 'comprar', registrarme: 'registro', inscribirme: 'registro', inscribo: 'registro', inscripcion: 'registro', registrar: 'registro', register: 'registro',
  // "presentar el examen" is taking it (Mexico), not presenting anything.
  presentar: 'tomar',
  agendar: 'programar', programo: 'programar', schedule: 'programar', reservar: 'programar',
  estudiar: 'preparar', prepararme: 'preparar', preparo: 'preparar', estudio: 'preparar',
  nombre: 'perfil', profile: 'perfil',
  mexico: 'pais', canada: 'canad', abroad: 'extranjero', militar: 'extranjero', base: 'extranjero',
  preguntas: 'pregunta', falle_preguntas: 'pregunta',
  maestro: 'master', master: 'master',
  experiencia: 'experiencialaboral',
  agendo: 'programar', agende: 'programar', reservo: 'programar',
  puntaje: 'resultados', score: 'resultados', puntuacion: 'resultados',
  // The answers given ("contestaciones", "respuestas") as the entries say them.
  contestacion: 'respuesta', contestaciones: 'respuesta', respuestas: 'respuesta',
  reponer: 'duplicado', repongo: 'duplicado',
  gorra: 'insignia', gorras: 'insignia', camisa: 'insignia', camisas: 'insignia', ropa: 'insignia',
  lector: 'adaptacion', tdah: 'adaptacion', ansiedad: 'adaptacion', autismo: 'adaptacion', autista: 'adaptacion', epilepsia: 'adaptacion',
  apellido: 'perfil', apellidos: 'perfil',
  ejercito: 'militar', army: 'militar', marina: 'militar', militares: 'militar', soldado: 'militar',
  // Countries candidates write from (testing outside the USA); "nuevo mexico" is a state (phrases above).
  guatemala: 'pais', salvador: 'pais', nicaragua: 'pais', panama: 'pais', cuba: 'pais', dominicana: 'pais', venezuela: 'pais',
  ecuador: 'pais', peru: 'pais', bolivia: 'pais', chile: 'pais', argentina: 'pais', uruguay: 'pais', paraguay: 'pais',
  brasil: 'pais', filipinas: 'pais', inglaterra: 'pais', francia: 'pais', italia: 'pais', china: 'pais', india: 'pais',
  japon: 'pais', corea: 'pais', europa: 'pais', honduras: 'pais', colombia: 'pais', espana: 'pais',
  // ... where soldiers and their families are stationed, and the countries named in English ("en Germany").
  alemania: 'pais', irak: 'pais', iraq: 'pais', kuwait: 'pais', afganistan: 'pais', turquia: 'pais', grecia: 'pais', portugal: 'pais',
  holanda: 'pais', belgica: 'pais', australia: 'pais', rusia: 'pais', jamaica: 'pais', haiti: 'pais', bahamas: 'pais', qatar: 'pais', bahrein: 'pais',
  // ... and the largest cities abroad candidates write from (the US ones are stop words).
  madrid: 'pais', barcelona: 'pais', sevilla: 'pais', tijuana: 'pais', monterrey: 'pais', guadalajara: 'pais', cdmx: 'pais', bogota: 'pais',
  medellin: 'pais', caracas: 'pais', tegucigalpa: 'pais', managua: 'pais', lima: 'pais', habana: 'pais', juarez: 'pais', oaxaca: 'pais', michoacan: 'pais', jalisco: 'pais', zacatecas: 'pais', chihuahua: 'pais', sinaloa: 'pais', veracruz: 'pais',
  germany: 'pais', japan: 'pais', korea: 'pais', italy: 'pais', spain: 'pais', england: 'pais', france: 'pais', philippines: 'pais', brazil: 'pais',
  // "pais" stems to "pai", "paises" to "pais": the plural met on the singular's word.
  paises: 'pais',
  // Spain's and the Andes' name for Spanish.
  castellano: 'espanol',
  merch: 'insignia', merchandise: 'insignia', calcomania: 'insignia', calcomanias: 'insignia', sticker: 'insignia', stickers: 'insignia', letrero: 'insignia', letreros: 'insignia',
  accesible: 'adaptacion', sordo: 'adaptacion', sorda: 'adaptacion', ciego: 'adaptacion', ciega: 'adaptacion',
  divorcie: 'perfil', divorcio: 'perfil', soltera: 'perfil', casada: 'perfil',
  virtual: 'enlinea',
  // "¿y el total?" después del duplicado pregunta cuánto cuesta en total.
  total: 'cuesta',
  // A price under any name ("cobran", "el costo", "sale más barato", "es free?"): what something costs.
  cobran: 'cuesta', cobrar: 'cuesta', cobra: 'cuesta', cobraron: 'cuesta', cobrarian: 'cuesta', costo: 'cuesta', costos: 'cuesta', costar: 'cuesta',
  cuestan: 'cuesta', precio: 'cuesta', precios: 'cuesta', free: 'cuesta',
  cuota: 'tarifa', cuotas: 'tarifa', fee: 'tarifa', fees: 'tarifa', tarifas: 'tarifa',
  // Who employs the candidate ("¿mi empleador ve mis resultados?", "¿mi jefe puede pagar?"), as the known gaps say it.
  empleador: 'patron', empleadores: 'patron', jefe: 'patron', jefes: 'patron', patrona: 'patron', patrones: 'patron', employer: 'patron', boss: 'patron', supervisor: 'patron', empresa: 'patron', compania: 'patron', dueno: 'patron', duena: 'patron',
  // How long a test is: "más corto", "muy largo", "la duración" (a known gap).
  corto: 'durar', corta: 'durar', cortos: 'durar', cortas: 'durar', largo: 'durar', larga: 'durar', largos: 'durar', largas: 'durar', duracion: 'durar', dura: 'durar', duran: 'durar',
  notificar: 'avisar', notifico: 'avisar', informar: 'avisar', informo: 'avisar',
  cargo: 'tarifa', cargos: 'tarifa', tax: 'impuesto', taxes: 'impuesto', impuestos: 'impuesto',
  // What a job pays is the careers gap, not an entry's "pagar" (a fee).
  gana: 'salario', ganan: 'salario', ganar: 'salario', gano: 'salario', sueldo: 'salario', sueldos: 'salario', salary: 'salario', salarios: 'salario',
  empleos: 'empleo', vacante: 'empleo', vacantes: 'empleo', contratando: 'empleo', contratan: 'empleo', contrata: 'empleo', hiring: 'empleo', job: 'empleo', jobs: 'empleo',
  cel: 'celular', phone: 'celular',
  // Food and drink on the test day ("comida" stems as "como", "comer" do): one word of its own.
  comida: 'alimento', comidas: 'alimento', comer: 'alimento', snack: 'alimento', snacks: 'alimento', bocadillo: 'alimento', lonche: 'alimento', botana: 'alimento', botanas: 'alimento',
  lana: 'dinero', feria: 'dinero', plata: 'dinero', chavos: 'dinero', pisto: 'dinero', varos: 'dinero', billete: 'dinero', pesos: 'dinero', dolares: 'dinero',
  forma: 'formulario', formas: 'formulario', form: 'formulario', forms: 'formulario', formularios: 'formulario',
  logo: 'insignia', chamarra: 'insignia', chaqueta: 'insignia', sudadera: 'insignia', playera: 'insignia',
  chamarras: 'insignia', chaquetas: 'insignia', sudaderas: 'insignia', playeras: 'insignia', camiseta: 'insignia', camisetas: 'insignia',
  inscribir: 'registro', aplicar: 'registro', aplico: 'registro',
  freon: 'epa609', refrigerante: 'epa609', refrigerantes: 'epa609', refrigerant: 'epa609', mvac: 'epa609', r134a: 'epa609',
  equivoque: 'equivocar', equivoco: 'equivocar', equivocado: 'equivocar', equivocaciones: 'equivocar',
  curso: 'curso', cursos: 'curso', entrenamiento: 'capacitacion', entrenamientos: 'capacitacion', capacitaciones: 'capacitacion',
  movi: 'domicilio', mudamos: 'domicilio', sello: 'insignia', sellos: 'insignia',
  cuanta: 'cuanto', cuantos: 'cuanto', cuantas: 'cuanto',
  vigencia: 'vencer', vigente: 'vencer', vigentes: 'vencer',
  // Verbs whose stem changes: "repruebe", "apruebo", "venza", "pierdo" are "reprobar", "aprobar", "vencer", "perder".
  repruebe: 'reprobar', reprueba: 'reprobar', repruebas: 'reprobar', reprueben: 'reprobar', reprueban: 'reprobar',
  apruebo: 'aprobar', apruebe: 'aprobar', aprueba: 'aprobar', apruebas: 'aprobar', aprueben: 'aprobar',
  venza: 'vencer', venzan: 'vencer', pierdo: 'perder', pierde: 'perder', pierden: 'perder', pierda: 'perder',
  // English words candidates mix in, met on the Spanish word the entries use.
  shop: 'taller', shops: 'taller',
  // A booklet by its Spanish names ("el librito de referencia del L1").
  librito: 'booklet', librillo: 'booklet', folleto: 'booklet', folletos: 'booklet',
  // Formal Spanish: "modificar" is changing, "extraviado" lost, an "evaluación" the test.
  modificar: 'cambiar', modifico: 'cambiar', modificacion: 'cambiar', modificaciones: 'cambiar', extraviado: 'perder', extraviada: 'perder', extravie: 'perder', extravio: 'perder', evaluacion: 'examen', evaluaciones: 'examen',
  update: 'actualizar', updatear: 'actualizar', apdeitear: 'actualizar', submit: 'enviar', submitear: 'enviar', someter: 'enviar',
  refund: 'reembolso', refunds: 'reembolso', devolucion: 'reembolso',
  recertification: 'recertificacion', recertify: 'recertificacion', recertifying: 'recertificacion', renew: 'recertificacion', renewal: 'recertificacion',
  expired: 'vencer', expires: 'vencer', expiration: 'vencer',
  scheduled: 'programar', rescheduled: 'reprogramar', rescheduling: 'reprogramar', cancelled: 'cancelar', canceled: 'cancelar', cancellation: 'cancelar',
  certification: 'certificacion', certifications: 'certificacion', certified: 'certificacion',
  // (session es23) what one got wrong and the test's questions, in English.
  question: 'pregunta', questions: 'pregunta', wrong: 'equivocar',
  english: 'ingles', military: 'militar', study: 'preparar', prep: 'preparar', practice: 'practica',
  badge: 'insignia', badges: 'insignia', patch: 'insignia', patches: 'insignia', shirt: 'insignia', shirts: 'insignia', hat: 'insignia', hats: 'insignia',
  // A certificate damaged, under any word for it ("maltratado", "roto", "se dañó", "arrugado"): one word, as the duplicate's alternates say it.
  maltratado: 'danado', maltratada: 'danado', danado: 'danado', danada: 'danado', dano: 'danado', roto: 'danado', rota: 'danado', rompio: 'danado',
  arruinado: 'danado', arruinada: 'danado', arruino: 'danado', desgastado: 'danado', desgastada: 'danado', arrugado: 'danado', arrugada: 'danado',
  manchado: 'danado', manchada: 'danado', quemado: 'danado', quemada: 'danado', quemo: 'danado', mojado: 'danado', mojada: 'danado', mojo: 'danado',
  deteriorado: 'danado', deteriorada: 'danado', rasgado: 'danado', rasgada: 'danado', borroso: 'danado', borrosa: 'danado', despintado: 'danado',
  reposicion: 'duplicado', remplazo: 'duplicado', remplazar: 'duplicado', reemplazar: 'duplicado', reimpresion: 'duplicado',
};

/**
 * A variant's canonical word is itself a variant of another ("army" -> "militar" -> "extranjero"):
 * the table is followed to its end once, here, so every variant meets the word its family meets.
 */
for (const word of Object.keys(synonyms)) {
  const seen = new Set([word]);
  let canonical = synonyms[word]!;
  while (synonyms[canonical] !== undefined && synonyms[canonical] !== canonical && !seen.has(canonical)) {
    seen.add(canonical);
    canonical = synonyms[canonical]!;
  }
  synonyms[word] = canonical;
}

const stopWords = new Set(
  `a al algo algun alguna alguno algunos ante antes aqui asi aun como con contra cual cuales cuando de del desde donde dos el ella
  ellas ellos en entre era eres es esa ese eso esta estan estar este esto estos estoy fue ha han hasta hay he la las le les lo los
  me mi mis mucho muy mas nada ni no nos o otra otro para pero poco por porque puedo puede pueden podria que quien se ser si sin
  sobre solo son su sus tambien te tengo tiene tienen ti tu tus un una unas uno unos usted ustedes y ya yo hola gracias favor
  quiero quiere quieres quisiera necesito saber hacer hago hice tener como ase ok okay oye buenas buenos dias tardes
  da dan dar den dio dieron voy va van vas pasa pasaria ocupo ocupa ocupas checar checo
  saco sacar saca sacan consigo conseguir consigue obtener obtengo mio mia mios mias
  xq pq pa pal tb tmb porfa xfa ps pues bueno entonces oiga oye disculpe disculpa senor senora amigo compa ahi alla aca alli osea
  vos podes tenes queres sos decime deci contame dime digame decirme che mae maje
  wey guey mano bro pana neta carnal nomas igual acabo otros otras ademas nunca todavia ahora luego ando anda andar
  poder estaba estaban tenia tenian tuve tuvo habia habian sera seria podre podra podrian debo debe deberia tendria tendre
  the a an is are i my me you your it to of for and or do does can how what when where please hi hello`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * (and the words that compare, "¿qué tienen de diferente ... respecto a los normales?": what is
 * compared is asked in the other words)
 * The auxiliaries and everyday verbs in all their common forms (estar, haber, ser, ir, tener, querer,
 * poder, deber), pronouns, determiners and chat fillers: a long message tells its story with them
 * ("fíjese que ayer fui a hacer el examen y la verdad..."), and each one no entry uses weighed like a
 * rare word, so the question's own words covered too little of it.
 */
for (const word of `estas estamos este estes esten estuve estuviste estuvo estuvimos estuvieron estabas estabamos estado estando
  estaria estare estara has hemos haya hayan hubo habra habria habido soy somos sea sean fuimos fueron eras eramos eran sido
  siendo sera seran fui tienes tenemos tenga tengan tuvimos tuvieron tenido teniendo vamos vaya vayan iba iban yendo quieres
  queremos quieren queria querian quisieramos quise puedes podemos pueda puedan pude pudo podriamos debes debemos deben
  deberian debia nosotros nosotras vosotros nuestro nuestra nuestros nuestras suyo suya tuyo tuya estas esos esas aquel aquella
  todo toda todos todas mismo misma tanto tanta cada tampoco aunque casi solamente verdad fijese fijate mire mira digo creo
  cree crees pienso parece supongo gusta gustaria encantaria ir querer saque fuera dentro mientras apenas bastante demasiado siempre tan recomiendas recomienda recomiendan recomiendo recomendarias recomendaria alguien saludos jaja jajaja porfavor ahorita neta orale ojala
  diferente diferentes diferencia diferencias respecto comparado comparados comparada comparadas versus vs`.split(/\s+/)) {
  if (word) stopWords.add(word);
}

/**
 * Where the candidate lives says nothing about what is asked ("vivo en texas", "aqui en houston"):
 * the US states and the largest cities, as the English pipeline drops the states. The two-word ones
 * are taken out by the phrase table; the territories are not here (testing there is a question).
 */
for (const word of `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii hawai idaho
  illinois indiana iowa kansas kentucky louisiana luisiana maine maryland massachusetts michigan minnesota mississippi missouri
  misuri montana nebraska nevada ohio oklahoma oregon pennsylvania pensilvania tennessee texas tejas utah vermont virginia
  washington wisconsin wyoming houston dallas chicago phoenix austin miami atlanta denver seattle orlando tucson albuquerque
  sacramento fresno`.split(/\s+/)) {
  if (word) stopWords.add(word);
}

/**
 * Why the candidate cannot make it ("me enfermé", "tuve una emergencia") is the story, not the
 * question: no entry turns on it, and as a word no entry uses it weighed like a rare one.
 */
for (const word of `enfermo enferma enferme enfermedad emergencia emergencias temprano`.split(/\s+/)) {
  if (word) stopWords.add(word);
}

/** WhatsApp shorthand for function words and courtesies (session es23: "qe necesito xa ser master", "ntp", "grax", "tngo"). */
for (const word of `qe ke k xa xk tmbn tambn tbn nsc nose ntp pls plis plz grax grcs tngo tng dsps dsp dps bn`.split(/\s+/)) {
  if (word) stopWords.add(word);
}

/** A formal letter's courtesies ("Estimados:", "lamentablemente", "le agradecería"): how it is said, not what is asked. */
for (const word of `estimado estimada estimados estimadas lamentablemente desafortunadamente infortunadamente atentamente cordialmente
  amablemente agradeceria agradeceriamos agradezco distinguido distinguidos`.split(/\s+/)) {
  if (word) stopWords.add(word);
}

/** Dates are the dialogs' business: here they only dilute the match. */
for (const word of `hoy manana ayer semana semanas mes meses ano anos lunes martes miercoles jueves viernes sabado domingo
  enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre proximo pasado pasada`.split(/\s+/)) {
  if (word) stopWords.add(word);
}

/** Endings removed by the light stemmer, longest first. */
const SUFFIXES = [
  'amientos', 'imientos', 'amiento', 'imiento', 'aciones', 'iciones', 'uciones', 'amente', 'idades', 'acion', 'icion', 'ucion',
  'ciones', 'mente', 'idad', 'ables', 'ibles', 'ando', 'iendo', 'ados', 'idos', 'adas', 'idas', 'able', 'ible', 'aron', 'ieron',
  'iamos', 'amos', 'emos', 'imos', 'aste', 'iste', 'aban', 'ias', 'ian', 'aba', 'ado', 'ido', 'ada', 'ida', 'cion', 'ar', 'er', 'ir', 'an', 'en', 'es', 'os', 'as', 'io', 'ia', 'o', 'a', 'e', 'i', 's',
];

/**
 * Endings of the future and the conditional, which keep the infinitive in front ("reprogramaré",
 * "cancelaría", "recibiré"): the infinitive's own ending comes off too, as from the infinitive.
 */
const ON_INFINITIVE = new Set(['e', 'emos', 'ia', 'ian', 'ias', 'iamos', 'a', 'an', 'as']);
const INFINITIVE = /(?:ar|er|ir)$/;

/**
 * Before "e" (and "i") the spelling keeps a stem's sound: "c" is written "qu", "g" "gu"
 * ("certifiqué", "llegué", "pague" are "certificar", "llegar", "pagar"), so those stems lose the "u".
 */
const SOFTENED = /(?<=[a-z]{2}[qg])u$/;
const FRONT_VOWEL = /^[ei]/;

export function spanishStem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const stem = word.slice(0, -suffix.length);
      if (ON_INFINITIVE.has(suffix) && INFINITIVE.test(stem) && stem.length - 2 >= 3) return stem.slice(0, -2);
      if (FRONT_VOWEL.test(suffix) && SOFTENED.test(stem)) return stem.slice(0, -1).replace(/q$/, 'c');
      return stem;
    }
  }
  return word;
}

const applyPhrases = phraseTable(phrases);

/**
 * "k" for "c"/"qu" at the start of the commonest words ("kiero kambiar la fecha", "kancelar", "kuanto"), respelled
 * before the phrase table too (`spelled` meets them only word by word, after it): "quiero cambiar la fecha" is a
 * phrase of the table, and "kiero kambiar la fecha" went to the profile's date of birth. English words with "k"
 * ("truck", "kit", "ok") keep it: the list names the Spanish starts only.
 */
const K_FOR_QU = /\bk(?=(?:iero|ieres|iere|ieren|isiera|e)?\b)/gi;
const K_FOR_C = /\bk(?=(?:ambi|ancel|uant|uand|ual|omo|ompr|ita|ert|urso))/gi;
const respelledK = (text: string): string => (/k/i.test(text) ? text.replace(K_FOR_QU, 'qu').replace(K_FOR_C, 'c') : text);

/** Folded and the phrase table applied (the last few texts kept: see recentTexts). */
const normalise = rememberingRecent((text: string): string => applyPhrases(respelledK(fold(text))), 4);

function tokenize(text: string): string[] {
  return splitWords(normalise(text));
}

const terms = new Map<string, string | null>();

function processTerm(token: string): string | null {
  let term = terms.get(token);
  if (term === undefined) {
    term = termOf(token);
    if (terms.size >= 20_000) terms.clear();
    terms.set(token, term);
  }
  return term;
}

/** "recertificarse", "tomarlo", "prepararme": an infinitive with a pronoun attached is the infinitive. */
const ENCLITIC = /^(.{3,}(?:ar|er|ir))(?:se|me|lo|la|le|los|las|les|nos|te)$/;

/**
 * The synonyms by stem: "reagendé", "reagende", "reagendo" meet "reagendar"'s word, "calificaciones"
 * "calificacion"'s, where the table lists one form of each. A stem two listed words with different
 * canonical words share is left out, as are short stems ("cas" of "casada" is also "casa"'s) and the
 * words whose other forms mean something else ("accesible": "acceso" is access to an account).
 */
const EXACT_ONLY = new Set(['evaluacion', 'evaluaciones', 'accesible', 'movi', 'base', 'aplicar', 'aplico', 'nota', 'notas', 'cargo', 'cargos']);
const MIN_STEM = 4;
const synonymsByStem: Map<string, string> = (() => {
  const byStem = new Map<string, string | null>();
  for (const [word, canonical] of Object.entries(synonyms)) {
    if (EXACT_ONLY.has(word)) continue;
    const stem = spanishStem(word);
    if (stem.length < MIN_STEM) continue;
    const known = byStem.get(stem);
    byStem.set(stem, known === undefined || known === canonical ? canonical : null);
  }
  return new Map([...byStem].filter((entry): entry is [string, string] => entry[1] !== null));
})();

/** Words written without their silent "h" ("ago", "acer", "ay"), as they are spelled. */
const WITHOUT_H: Record<string, string> = { aser: 'hacer', ago: 'hago', ace: 'hace', acer: 'hacer', aga: 'haga', ice: 'hice', izo: 'hizo', ay: 'hay', aber: 'haber', abia: 'habia', ablo: 'hablo', abla: 'habla' };

/**
 * A word as candidates misspell it by its sound, spelled as the entries write it: "k" for "c"/"qu" ("kambie",
 * "kiero", "teknico"), "-sion" for "-cion" after a vowel ("recertificasion"), "sertificado", "yega" for
 * "llega", a silent "h" left out, and the two words most often misspelled ("experencia", "dirrecion").
 * Applied to every word, the entries' too, so a real word changed ("revisión" -> "revicion") still meets itself.
 */
function spelled(word: string): string {
  const without = WITHOUT_H[word];
  if (without) return without;
  return word
    .replace(/ks(?=[aeiou])/g, 'x')
    .replace(/k(?=[ei])/g, 'qu')
    .replace(/k/g, 'c')
    .replace(/([aeiou])si[oó]n(es)?$/, '$1cion$2')
    .replace(/^sertif/, 'certif')
    .replace(/^ye(?=g[aeiou])/, 'lle')
    .replace(/^e[sx]peri?en[cs]ia(s)?$/, 'experiencia$1')
    .replace(/^d[ie]r+ecc?i[oó]n(es)?$/, 'direccion$1');
}

/**
 * A diminutive of a word the synonym table knows ("cortito", "cursitos", "examencito", "citita", session es23) is that word:
 * chat Spanish says "el recert es más cortito?" for "más corto". Only words the table lists or leads to, so "crédito",
 * "requisito" and "distrito" stay themselves.
 */
const DIMINUTIVE = /^(.{2,}?)(c)?it([oa])(s?)$/;
const KNOWN_WORDS: ReadonlySet<string> = new Set([...Object.keys(synonyms), ...Object.values(synonyms)]);
function diminished(word: string): string {
  if (KNOWN_WORDS.has(word)) return word;
  const match = DIMINUTIVE.exec(word);
  if (!match) return word;
  const [, base = '', c, vowel = '', plural = ''] = match;
  for (const candidate of c ? [`${base}${plural ? 'es' : ''}`, `${base}${vowel}${plural}`, `${base}e${plural}`] : [`${base}${vowel}${plural}`, `${base}${vowel}`]) {
    if (candidate.length >= 4 && KNOWN_WORDS.has(candidate)) return candidate;
  }
  return word;
}

/**
 * Puerto Rico's and the Caribbean's "l" for a final "r", written as said ("hacel", "tomal", "cambial la cita", "pa sel master",
 * session es23): an infinitive the table or the stop words know. "papel", "perfil", "final" are not such infinitives and stay.
 */
function lambdacised(word: string): string {
  if (!/[aei]l$/.test(word) || KNOWN_WORDS.has(word)) return word;
  const infinitive = `${word.slice(0, -1)}r`;
  return KNOWN_WORDS.has(infinitive) || stopWords.has(infinitive) ? infinitive : word;
}

function termOf(token: string): string | null {
  const written = fold(token.toLowerCase());
  // A word listed as it is ("inscribirme", "snacks") is met before it is respelled.
  if (stopWords.has(written)) return null;
  const folded = synonyms[written] ? written : spelled(written);
  if (stopWords.has(folded)) return null;
  const lower = synonyms[folded] ? folded : diminished(lambdacised(folded).replace(ENCLITIC, '$1'));
  if (stopWords.has(lower)) return null;
  const canonical = synonyms[lower] ?? (stopWords.has(lower) ? undefined : synonymsByStem.get(spanishStem(lower))) ?? lower;
  if (/^\d+$/.test(canonical) || canonical.length < 2) return null;
  // A common test's code says which test, not what is asked (as in English).
  if (/^[abcefghpst]\d{1,2}$/.test(canonical)) return null;
  return spanishStem(canonical);
}

function contentTerms(text: string): string[] {
  return tokenize(text)
    .map(processTerm)
    .filter((term): term is string => term !== null);
}

/**
 * Articles, pronouns, prepositions and chat shorthand: the facet chooser keeps the question words
 * ("cuándo", "cuánto", "cómo"), which tell an entry's questions apart, and drops these, which an
 * entry's long list of its own phrasings holds more of than a facet's few ("el", "se", "lo" made
 * "perdí el master, ¿cómo lo recupero?" the entry's own question rather than getting it back).
 */
const facetFillers: ReadonlySet<string> = new Set(
  `el la los las un una unos unas de del al a y e o u en con por para pa pal x xq pq eh oye mano wey bro porfa`.split(/\s+/).filter(Boolean),
);

export const spanishText: TextPipeline = { normalise, tokenize, processTerm, contentTerms, facetFillers };
