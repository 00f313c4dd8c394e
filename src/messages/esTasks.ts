import { afterColon, sentenceStart, withPeriod } from './lists.js';
import type { enTasks } from './enTasks.js';

/**
 * enTasks in Spanish (usted), the same keys. Policy facts come from the source FAQ
 * (ase-faq-2022-09-20.txt) through knowledge/policy.yaml; dates arrive already written out in
 * Spanish ("jueves, 3 de abril de 2025").
 */
const días = (n: number) => `${n} ${n === 1 ? 'día' : 'días'}`;

/**
 * A date after "desde", "hasta", "a más tardar": a day takes "el" ("el sábado, 5 de diciembre de
 * 2026"); a month, a year or a rough date ("julio de 2026", "alrededor de julio de 2026") none.
 */
const isDay = (date: string) => /^(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo),/.test(date);
const el = (date: string) => (isDay(date) ? `el ${date}` : date);
/** The same after "después", "a partir": "del sábado, 5 de diciembre", "de julio de 2026". */
const del = (date: string) => (isDay(date) ? `del ${date}` : `de ${date}`);
/** "lo tomó el sábado, 5 de diciembre", "lo tomó en julio de 2026", "lo tomó alrededor de julio de 2026". */
const when = (date: string) => (isDay(date) ? `el ${date}` : date.startsWith('alrededor') ? date : `en ${date}`);

export const esTasks: typeof enTasks = {
  didNotGetIt: 'Perdón, no lo entendí.',
  backToIt: 'Volviendo a su pregunta:',
  saidAbove: 'Eso está en mi respuesta de arriba.',
  okayBack: 'De acuerdo.',
  fromYourFacts: 'Según lo que me dijo:',
  welcomeBack: 'De nada.',
  notKnowingBack: 'No se preocupe si no está seguro.',
  notKnowingSignIn: 'No se preocupe si no está seguro: diga "iniciar sesión" y lo busco en su cuenta.',
  offerStands: (ack: string, offer: string) => `${ack} Cuando quiera, ${offer.charAt(0).toLowerCase()}${offer.slice(1)}`,
  wayOut: 'O diga "empezar de nuevo" para preguntar otra cosa, o "hablar con una persona".',
  cannotAnswerThat: 'No puedo responder eso aquí. Servicio al Cliente de ASE (1-800-390-6789) sí puede, o diga "hablar con una persona".',
  gaveUp:
    'Me está costando entenderle, perdón. Puede hablar con una persona en Servicio al Cliente de ASE, 1-800-390-6789, o empezar de nuevo con otra pregunta.',
  gaveUpOfferPerson:
    'Me está costando entenderle, perdón. Elija "Hablar con una persona" y alguien del soporte de ASE se unirá, o empiece de nuevo con otra pregunta.',
  gotDate: (date: string) => `${sentenceStart(date)}: entendido.`,
  assumedYear: (date: string) => `Lo entendí como ${withPeriod(date)}`,
  dateInFuture: (date: string) => `El ${date} todavía no ha llegado. ¿Qué fecha fue?`,
  dateInPast: (date: string) => `El ${date} ya pasó. ¿Qué fecha es la cita?`,
  whichDay: (text: string) => `¿Qué día exactamente ("${text}")? Por ejemplo "el 3" o "3 de marzo".`,
  whichDayAt: (time: string) => `Entendido, ${withPeriod(time)} ¿Qué día es la cita? Por ejemplo "el viernes" o "11 de diciembre".`,
  whichMonth: (year: string) => `¿En qué mes de ${year}? Por ejemplo "marzo", o el día: "3 de marzo".`,
  whichDate: '¿A qué fecha se refiere?',
  looksLikeBirthDate: (date: string) =>
    `${sentenceStart(date)} parece una fecha de nacimiento, no la fecha de un examen. ¿Qué fecha quiso decir? Si de verdad fue el ${date}, envíela de nuevo.`,
  approximately: (words: string) => `Sea cual sea el día exacto de "${words}", la respuesta es la misma:`,
  dateExample: 'Por ejemplo "3 de marzo" o "14/3/2025".',
  yes: 'Sí',
  no: 'No',
  orSignIn: 'O diga "iniciar sesión" y lo busco en su cuenta.',
  signInToCheck: 'Diga "iniciar sesión" y lo reviso en su cuenta.',
  signInChoice: 'Iniciar sesión',
  verdictAgain: (yes: boolean, answer: string) => `${yes ? 'Sí' : 'No'}, según lo que me dijo: ${afterColon(answer)}`,
  workedOut: (answer: string) => `Según lo que me dijo: ${afterColon(answer)} Si se refería a otro, cuénteme.`,
  inYourAccount: 'Eso está en su cuenta de ASE. Diga "iniciar sesión" y lo busco, o hágame una pregunta general.',
  statusInYourAccount:
    'Su estatus está en su cuenta de ASE: cuando inicie sesión le puedo decir qué certificaciones tiene, cuándo vence cada una y si tiene el estatus de Técnico Maestro. Diga "iniciar sesión" y lo busco, o hágame una pregunta general.',
  exceptionInYourAccount: (prometric: string, ase: string) =>
    `No tengo información sobre excepciones: las preguntas frecuentes con las que respondo no permiten cambios dentro de los tres días anteriores a una cita y no dan excepciones. Prometric (${prometric}) o el Servicio al Cliente de ASE (${ase}) son quienes pueden responderle. Diga "iniciar sesión" y reviso cómo están sus propias citas.`,
  inYourAccountOrThese: 'Si se refiere a lo suyo, eso está en su cuenta de ASE: diga "iniciar sesión" y lo busco. ¿O se refería a una de estas?',
  noted: (value: string) => `${value}: anotado.`,
  // "a las 10:00 a. m." already ends with its own period.
  changed: (value: string) => `Cambiado a ${value}${value.endsWith('.') ? '' : '.'}`,
  added: (value: string) => `Agregado: ${withPeriod(value)}`,
  removed: (value: string) => `Quitado: ${withPeriod(value)}`,
  keptOnly: (value: string) => `Solo ${withPeriod(value)}`,
  nextQuestion: (task: string) => `Ahora, la pregunta de ${task}.`,
  afterThis: (task: string) => `Cuando terminemos con esto, paso a su pregunta de ${task}.`,
  switched: (task: string) => `Dejo por ahora la pregunta de ${task}.`,
  names: {
    'reschedule-or-cancel': 'cambio de cita',
    'missed-appointment': 'cita perdida',
    'purchase-window': 'compra del examen',
    retest: 'repetir el examen',
    recertification: 'recertificación',
    'master-status': 'Técnico Maestro',
    'duplicate-cost': 'certificados duplicados',
    'results-timing': 'resultados',
    'certificate-timing': 'certificado',
  } as Record<string, string>,

  results: {
    askDate: (test?: string) => `¿En qué fecha tomó ${test ?? 'el examen'}?`,
    expectedBy: (by: string, taken: string, days: number) =>
      `Sus resultados deberían estar en myASE a más tardar ${el(by)}: en la mayoría de los casos aparecen dentro de los ${days} días siguientes al examen (lo tomó ${when(taken)}).`,
    shouldBeOnline: (by: string, taken: string, days: number) =>
      `Sus resultados ya deberían estar en myASE: en la mayoría de los casos aparecen dentro de los ${days} días siguientes al examen, es decir, a más tardar ${el(by)} (lo tomó ${when(taken)}).`,
    emailed: 'Su informe detallado de puntuación también se le envió por correo electrónico justo después de su cita.',
    help: 'Dígame la fecha en que tomó el examen, por ejemplo "3 de diciembre" o "el jueves pasado".',
  },

  certificate: {
    askDate: (test?: string) => `¿En qué fecha aprobó ${test ?? 'el examen'}?`,
    around: (date: string) => `alrededor del ${date}`,
    passed: (on: string) => `lo aprobó ${on}`,
    took: (on: string) => `lo tomó ${on}`,
    expectedAround: (around: string, taken: string, passed: boolean) =>
      `Espere su certificado ${around}: unas tres semanas después de su examen (${taken}), ${passed ? '' : 'si lo aprobó y '}una vez cumplido el requisito de experiencia laboral.`,
    shouldHaveArrived: (around: string, taken: string, passed: boolean) =>
      `Su certificado debería haber llegado ${around}: unas tres semanas después de su examen (${taken}), ${passed ? '' : 'si lo aprobó y '}una vez cumplido el requisito de experiencia laboral. Se retrasa hasta que su experiencia laboral se revise y apruebe; si se mudó después del examen, debe avisar a ASE de su nueva dirección para recibirlo.`,
    help: 'Dígame la fecha en que aprobó el examen, por ejemplo "10 de noviembre" o "hace tres semanas".',
  },

  retest: {
    askDate: (test?: string) => `¿En qué fecha tomó ${test ?? 'el examen'}?`,
    whyWait: (days: number) => `Porque ASE exige esperar ${days} días completos después de un examen reprobado antes de poder comprar y programar el mismo examen otra vez.`,
    /** "¿tengo que pagar otra vez?" con la respuesta del reintento: es una compra nueva. */
    rebuy: 'Sí. Repetir un examen es una compra nueva, así que lo paga otra vez al comprarlo en myASE.',
    theTest: 'el examen',
    canBuyFrom: (test: string, date: string, failed: string, wait: number) =>
      `Puede comprar ${test} de nuevo a partir ${del(date)}: deben pasar ${wait} días completos después ${del(failed)}.`,
    canBuyNow: (test: string, failed: string, wait: number) =>
      `Ya puede comprar ${test} de nuevo: han pasado ${wait} días completos desde ${el(failed)}.`,
    nextNow: 'Cómprelo y prográmelo en myASE.',
    daysToWait: (days: number) => `${days === 1 ? 'Falta' : 'Faltan'} ${días(days)} desde hoy.`,
    next: 'Cuando llegue el día, cómprelo y prográmelo en myASE.',
    help: 'Dígame la fecha en que tomó el examen que no aprobó, por ejemplo "3 de marzo" o "hace dos semanas".',
  },

  change: {
    askDate: '¿Cuándo es su cita? Una fecha, y la hora si la sabe.',
    askDateToMove: (date: string) => `Para moverla al ${date}: ¿cuándo es su cita ahora? Una fecha, y la hora si la sabe.`,
    /** A deadline at midnight: the start of that day, written out. */
    startOf: (date: string) => `comienzo del ${date}`,
    allowed: (deadline: string) => `Sí, todavía puede cambiarla o cancelarla. Hágalo antes del ${deadline}${deadline.endsWith('.') ? '' : '.'}`,
    allowedToday: (time: string, left: string) => `Sí, todavía puede cambiarla o cancelarla, pero solo hasta hoy a las ${time} (${left}). Hágalo ahora.`,
    allowedRefund: (deadline: string) => `Sí, todavía puede cancelarla y recibir el reembolso de un examen que usted compró. Hágalo antes del ${deadline}${deadline.endsWith('.') ? '' : '.'}`,
    allowedRefundToday: (time: string, left: string) => `Sí, todavía puede cancelarla y recibir el reembolso de un examen que usted compró, pero solo hasta hoy a las ${time} (${left}). Hágalo ahora.`,
    hoursLeft: (hours: number) => (hours === 1 ? 'dentro de una hora más o menos' : `dentro de unas ${hours} horas`),
    minutesLeft: (minutes: number) => (minutes === 1 ? 'dentro de un minuto' : `dentro de unos ${minutes} minutos`),
    tooLate: (hours: number) =>
      `No: no se permiten cambios a menos de tres días (${hours} horas) de la cita, así que ya no se puede cambiar ni cancelar.`,
    passed: 'La hora de esa cita ya pasó.',
    passedDay: 'Esa cita ya pasó, así que ya no se puede cambiar ni cancelar.',
    passedNoShow: (phone: string) =>
      `Si no se presentó, se califica como No Show y se pierden todas las tarifas: puede comprar el mismo examen de nuevo, pagando otra vez la tarifa de registro y la del examen, en cuanto el resultado No Show aparezca en myASE. Prometric (${phone}) puede responder preguntas sobre la cita.`,
    todayNoTime: 'Una cita hoy está dentro de los tres días, así que ya no se puede cambiar ni cancelar.',
    assumedStart: 'No me dio la hora, así que conté desde el comienzo de ese día.',
    askTime: (hours: number, date: string) =>
      `Los cambios se cierran ${hours} horas antes del comienzo de la cita, así que depende de la hora. ¿A qué hora es su cita del ${date}?`,
    timeUnknown: (date: string, from: string) =>
      `Entonces depende de la hora: si su cita del ${date} es a las ${from} o más tarde, todavía puede cambiarla o cancelarla, hasta 72 horas antes de que empiece (hoy mismo), así que hágalo ya. Si es antes de las ${from}, ya no se puede cambiar ni cancelar.`,
    zoneNote: (zone: string) => `Lo calculé en la hora de ${zone}; la regla usa la hora local del centro de examen.`,
    zoneOfCentre: (zone: string) => `Lo calculé en la hora del centro de examen (${zone}).`,
    centreZone: (zone: string) => `Zona horaria del centro de examen ${zone}`,
    cancelFirst: 'Para moverla, primero cancele la cita actual y después reserve la nueva.',
    cancelFirstTo: (date: string) => `Para moverla al ${date}, primero cancele la cita actual y después reserve la nueva.`,
    cancelHow: (phone: string) =>
      `Para cancelarla, primero cancele la cita y después el examen con la opción Cancel Test en myASE (un examen que usted compró se reembolsa), o llame a Prometric al ${phone}.`,
    how: (phone: string) => `Use Cancel Selected Appointment(s) en myASE, o llame a Prometric al ${phone}.`,
    tooLateNext: (phone: string) =>
      `Si no se presenta, se califica como No Show y se pierden las tarifas. Prometric (${phone}) puede responder preguntas sobre la cita.`,
    refundInTime: (phone: string) =>
      `Sí, si cancela a tiempo: primero cancele la cita y después el examen con la opción Cancel Test en myASE, o llame a Prometric al ${phone}. Solo puede cancelar y recibir un reembolso de un examen que usted compró.`,
    refundTooLate:
      'No: dentro de los tres días anteriores a su cita no puede cancelar la cita ni el examen, así que no hay reembolso. Si no se presenta, se califica como No Show y se pierden todas las tarifas.',
    noExceptions: (phone: string) =>
      `No tengo información sobre excepciones: las preguntas frecuentes con las que respondo no permiten cambios dentro de los tres días anteriores a la cita. Prometric (${phone}) es quien puede responderle sobre eso.`,
    whyTooLate: (phone: string) =>
      `Porque ASE no permite cambios dentro de los tres días anteriores a una cita programada: entonces no puede cancelar la cita ni el examen. Prometric (${phone}) puede responder preguntas sobre la cita.`,
    newDateOutside: (lastDay: string) =>
      `La nueva fecha también debe estar dentro de los 90 días desde la compra: el último día para este examen es el ${lastDay}.`,
    help: 'Dígame la fecha de su cita, y la hora si la sabe, por ejemplo "el jueves a las 9" o "14 de marzo".',
  },

  missed: {
    askPosted: '¿Ya aparece el resultado No Show en su cuenta de myASE?',
    canRebuyNow: 'Entonces ya puede comprar el examen de nuevo en myASE, pagando otra vez la tarifa de registro y la del examen.',
    wait: 'Entonces espere a que el resultado No Show aparezca en myASE; después podrá comprar el examen de nuevo, pagando otra vez la tarifa de registro y la del examen.',
    help: 'Entre en myASE y mire sus resultados de examen: ahí se publica el resultado No Show. Responda sí si ya aparece, o no si todavía no.',
    retakeNow: 'Una cita perdida se califica como No Show, no un examen reprobado, así que no hay que esperar 30 días: el resultado No Show ya está publicado, así que puede comprar el examen de nuevo ahora en myASE, pagando otra vez la tarifa de registro y la del examen.',
    retakeWait: 'Una cita perdida se califica como No Show, no un examen reprobado, así que no hay que esperar 30 días: en cuanto el resultado No Show aparezca en myASE, podrá comprar el examen de nuevo, pagando otra vez la tarifa de registro y la del examen.',
    refund: 'No: no hay reembolsos por una cita perdida. Se califica como No Show y se pierden todas las tarifas.',
    rebuyNow:
      'Volver a reservar un examen perdido es comprarlo de nuevo: paga otra vez la tarifa de registro y la del examen. El resultado No Show ya está publicado, así que puede comprarlo ahora en myASE; la lista completa de exámenes y tarifas está en el sitio web de ASE (ase.com).',
    rebuyWait:
      'Volver a reservar un examen perdido es comprarlo de nuevo: paga otra vez la tarifa de registro y la del examen, en cuanto el resultado No Show aparezca en myASE. La lista completa de exámenes y tarifas está en el sitio web de ASE (ase.com).',
  },

  purchase: {
    askDate: '¿En qué fecha compró el examen?',
    open: (lastDay: string, daysLeft: number) =>
      `Tiene hasta ${el(lastDay)} para programarlo y tomarlo: ${días(daysLeft)} desde hoy.`,
    lastDay: (lastDay: string) => `Hoy, ${lastDay}, es el último día para tomarlo.`,
    expired: (lastDay: string) =>
      `Venció después ${del(lastDay)}: se pierden las tarifas del examen no tomado, y tiene que registrarse y pagar de nuevo la tarifa de registro y la del examen.`,
    expiredSince: (bought: string, days: number) =>
      `Venció: han pasado más de ${days} días desde ${bought}. Se pierden las tarifas del examen no tomado, y tiene que registrarse y pagar de nuevo la tarifa de registro y la del examen.`,
    openUntil: (lastDay: string) => `Tiene hasta ${lastDay} para programarlo y tomarlo.`,
    whyExpired: (days: number) =>
      `Porque un examen debe programarse y tomarse dentro de los ${days} días siguientes a su fecha de compra: si no, el examen no tomado vence y se pierden todas las tarifas.`,
    next: 'Programe su cita en myASE lo antes posible.',
    refundOpen: (phone: string) =>
      `Sí: sin cita programada, cancele el examen con la opción Cancel Test en myASE, o llame a Prometric al ${phone}. Solo puede cancelar un examen y recibir un reembolso por un examen que compró.`,
    refundExpired:
      'No: el examen no tomado venció y se pierden todas las tarifas, así que no hay reembolso. Para examinarse, regístrese y pague de nuevo la tarifa de registro y la del examen.',
    rebuyExpired: (days: number) =>
      `Sí: regístrese de nuevo para el examen en myASE y pague otra vez la tarifa de registro y la del examen; después tiene ${days} días desde esa compra para programarlo y tomarlo. La lista completa de exámenes y tarifas está en el sitio web de ASE (ase.com).`,
    ifExpires: (days: number) =>
      `Si no lo programa y lo toma dentro de los ${days} días siguientes a la compra, el examen no tomado vence, se pierden todas las tarifas, y tiene que registrarse y pagar de nuevo la tarifa de registro y la del examen.`,
    help: 'Dígame la fecha en que compró el examen, por ejemplo "10 de enero" o "hace dos semanas".',
  },

  recert: {
    expiredOn: (date: string) => `Venció el ${date}: entendido.`,
    expiresOn: (date: string) => `Vence el ${date}: entendido.`,
    askPassed: (test?: string) => `¿Cuándo aprobó ${test ?? 'el examen'} (o se recertificó por última vez)?`,
    /** `when` with its preposition, as precisely as the pass date is known: "el viernes, 5 de junio de 2026", "en junio de 2026". */
    expires: (test: string | undefined, when: string) => `Su certificación${test ? ` ${test}` : ''} vence ${when}.`,
    expired: (test: string | undefined, when: string) =>
      `Su certificación${test ? ` ${test}` : ''} venció ${when}; todavía puede tomar el examen de recertificación.`,
    expiresAll: (tests: string, when: string) => `Sus certificaciones ${tests} vencen ${when}.`,
    expiredAll: (tests: string, when: string) => `Sus certificaciones ${tests} vencieron ${when}; todavía puede tomar los exámenes de recertificación.`,
    expiringSoon: (days: number) => `${days === 1 ? 'Falta' : 'Faltan'} ${días(days)}, así que es un buen momento para recertificarse.`,
    newExpiry: (when: string, date: string) => `Si se recertifica ${when}, la nueva fecha de vencimiento es el ${date}.`,
    noCredit: (days: number) => `${days === 1 ? 'El día que queda' : `Los ${days} días que quedan`} de la certificación actual no se sumarían.`,
    roughExpiry: (years: number, passed: string, expires: string, cutOff: string) =>
      `Las certificaciones son válidas por ${years} años, así que un examen aprobado ${passed} vence ${expires}: uno aprobado el ${cutOff} o antes ya venció, y uno aprobado después sigue vigente.`,
    next: 'Puede comprar el examen de recertificación en myASE.',
    nextAll: 'Puede comprar los exámenes de recertificación en myASE.',
    today: 'hoy',
    on: (date: string) => `el ${date}`,
    help: 'Dígame la fecha en que aprobó el examen o se recertificó por última vez, por ejemplo "5 de junio de 2021".',
  },

  master: {
    general: 'El estatus de Técnico Maestro (Master Technician) dura solo mientras todas las certificaciones requeridas de su serie estén vigentes.',
    askSeries: '¿Qué estatus Master: Automóvil (A1-A8) o Camión Mediano/Pesado (T2-T8)?',
    askLapsed: (master?: string) => `¿Cuáles de los exámenes ${master ? `de ${master}` : 'requeridos'} han vencido? Diga "ninguno" si todos están vigentes.`,
    holds: (name: string) => `Sí: con todos los exámenes requeridos vigentes, tiene el estatus de ${name}.`,
    earnedIfCurrent: (name: string, tests: string, passed: string) =>
      `Aprobar ${tests}, con el requisito de experiencia laboral cumplido, le da el estatus de ${name}, mientras todos sigan vigentes. Sabiendo solo que los aprobó ${passed}, no puedo decirle si todos lo siguen estando.`,
    currentUntil: (tests: string, until: string) =>
      `${tests}: ${/ [ye] /.test(tests) ? 'vigentes' : 'vigente'} hasta ${until}, así que ${/ [ye] /.test(tests) ? 'todavía cuentan' : 'todavía cuenta'}. ¿Ha vencido algún otro examen requerido? Dígame cuál (por ejemplo "A3"), o "ninguno".`,
    /** La caducidad supuesta ("si dejo vencer el A6, ¿sigo siendo master?"): lo que pasaría, no un hecho. */
    wouldLapse: (name: string, tests: string) =>
      `Si ${tests} ${/ [ye] /.test(tests) ? 'vencen' : 'vence'}, pierde el estatus de ${name} hasta que apruebe ${/ [ye] /.test(tests) ? 'los exámenes' : 'el examen'} de recertificación de ${tests}. Para conservarlo, mantenga ${tests} ${/ [ye] /.test(tests) ? 'vigentes: puede recertificarse antes de que venzan' : 'vigente: puede recertificarse antes de que venza'}.`,
    lapsed: (name: string, tests: string) =>
      // "A3 venció", "A3 y A5 vencieron": the verb agrees with the list (yList joins two or more with y / e).
      `Ahora mismo no: ${tests} ${/ [ye] /.test(tests) ? 'vencieron' : 'venció'}, así que el estatus de ${name} está suspendido. Apruebe ${/ [ye] /.test(tests) ? 'los exámenes' : 'el examen'} de recertificación de ${tests} para recuperarlo.`,
    missing: (name: string, tests: string) =>
      `Todavía no: le ${/ [ye] /.test(tests) ? 'faltan' : 'falta'} ${tests}. El estatus de ${name} requiere todos los exámenes de la serie, así que apruebe ${tests} para obtenerlo.`,
    ifLapsed: (name: string, tests: string) =>
      `Si ${tests} ${/ [ye] /.test(tests) ? 'vencieron' : 'venció'}, el estatus de ${name} queda suspendido hasta que apruebe ${/ [ye] /.test(tests) ? 'los exámenes' : 'el examen'} de recertificación de ${tests}.`,
    onlyLapsed: (name: string, tests: string) =>
      `Solo ${tests}: apruebe ${/ [ye] /.test(tests) ? 'los exámenes' : 'el examen'} de recertificación de ${tests} y, con los demás exámenes requeridos vigentes, recupera el estatus de ${name}. No tiene que volver a tomar todos los exámenes.`,
    onlyMissing: (name: string, tests: string, others: string) =>
      `Sí: apruebe ${tests} y, con ${others} ${others.includes('-') || / [ye] /.test(others) ? 'vigentes' : 'vigente'}, tendrá el estatus de ${name}.`,
    notRequired: (tests: string, statuses: string) =>
      `${tests} no ${/ [ye] /.test(tests) ? 'son exámenes requeridos' : 'es uno de los exámenes requeridos'} para ${statuses}. El estatus Master dura solo mientras todas las certificaciones requeridas de su serie estén vigentes, así que son esos exámenes los que deciden si lo conserva.`,
    noMaster: (series: string) =>
      `No tengo los requisitos de Master para ${series}. Servicio al Cliente de ASE (1-800-390-6789) se los puede decir.`,
    next: 'Sus fechas de vencimiento están en sus certificados y en myASE.',
    help: 'Diga qué exámenes han vencido, por ejemplo "A3 y A6", o diga "ninguno".',
  },

  duplicates: {
    askTests: '¿De qué certificados necesita duplicados? Por ejemplo "A1, A5 y T2".',
    total: (total: string, count: number, fee: string) =>
      count === 1 ? `Son ${total}: una serie de exámenes a ${fee}.` : `Son ${total}: ${count} series de exámenes a ${fee} cada una.`,
    masterCertificate: (master: string) => `el certificado de ${master}`,
    masterInSeries: (master: string, series: string) => `El certificado de ${master} es de la serie ${series}, así que entra en la misma tarifa de esa serie.`,
    aMasterCertificate: 'un certificado de Técnico Maestro',
    masterInOneOf: (series: string) => `Un certificado de Técnico Maestro es de su propia serie (${series}), así que entra en la misma tarifa de esa serie.`,
    wholeSeries: 'todos los certificados de la serie',
    unknownOnly: (codes: string, suggestions: string) =>
      suggestions ? `No conozco ${codes}. ¿Quiso decir ${suggestions}?` : `No conozco ${codes}. ¿De qué exámenes necesita duplicados?`,
    unknown: (codes: string) => `No conozco ${codes}, así que ${codes.includes(',') ? 'los dejé' : 'lo dejé'} fuera.`,
    next: 'Pídalos entrando en myASE.',
    help: 'Diga los exámenes, por ejemplo "A1, A5 y T2", o una serie como "automóvil".',
  },
};
