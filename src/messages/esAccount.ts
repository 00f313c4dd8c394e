import { withPeriod, yList } from './lists.js';
import type { AccountMessages } from './enAccount.js';

/**
 * enAccount in Spanish (usted), the same keys: answers from the candidate's own account. Dates
 * arrive already written in Spanish ("jueves, 3 de abril de 2025"); policy numbers are passed in
 * from knowledge/policy.yaml, never written here. Series, Master and test names come from the catalogue
 * in Spanish (src/messages/catalogueNames.ts): a test it has no Spanish name for is given by its code.
 */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const days = (n: number) => plural(n, 'día', 'días');
const fromToday = (n: number) => (n === 0 ? 'hoy' : n === 1 ? 'mañana' : `dentro de ${days(n)}`);

export const esAccount: AccountMessages = {
  test: (code: string, name?: string) => (name ? `${code} (${name})` : code),
  testLabel: (code: string, name?: string) => (name ? `${code} ${name}` : code),
  list: yList,
  days,
  fromToday,
  usd: (amount: number) => `$${amount.toFixed(2)}`,
  dateTime: (date: string, time: string) => `${date} a las ${time}`,
  place: (name: string, city: string, state: string) => `${name}, ${city}, ${state}`,
  buyRecertInMyAse: 'Puede comprar el examen de recertificación en myASE.',
  alreadyBought: (test: string, lastDay: string) => `Ya compró ${test}: prográmelo y tómelo a más tardar el ${lastDay}.`,
  alreadyBooked: (test: string, when: string) => `Tiene cita para tomar ${test} el ${withPeriod(when)}`,
  callCustomerService: (phone: string) => `Si algo aquí no parece correcto, Servicio al Cliente de ASE (${phone}) puede revisar su registro.`,

  appointments: {
    none: 'Su cuenta no muestra citas de examen próximas.',
    noneFor: (tests: string) => `No tiene ninguna cita próxima para ${tests}.`,
    toSchedule: (items: string) => `Todavía puede programar ${items}.`,
    scheduleBy: (test: string, lastDay: string) => `${test} a más tardar el ${lastDay}`,
    howToSchedule: (phone: string) => `Para reservar una, prográmela en myASE o llame a Prometric al ${phone}.`,
    one: (test: string, when: string, place: string) => `Su cita de ${test} es el ${when} (hora local) en ${place}.`,
    summary: (total: number, changeable: number) =>
      changeable === total
        ? `Tiene ${plural(total, 'cita de examen próxima', 'citas de examen próximas')}, y ${total === 1 ? 'todavía se puede' : total === 2 ? 'las dos todavía se pueden' : 'todas todavía se pueden'} cambiar o cancelar.`
        : changeable === 0
          ? `Tiene ${plural(total, 'cita de examen próxima', 'citas de examen próximas')}, y ya no se puede cambiar ni cancelar ninguna.`
          : `Tiene ${plural(total, 'cita de examen próxima', 'citas de examen próximas')}: ${changeable} todavía se ${changeable === 1 ? 'puede' : 'pueden'} cambiar o cancelar, ${total - changeable} no.`,
    canChange: (deadline: string) => `Todavía puede cambiarla o cancelarla antes del ${deadline} (hora del centro de examen).`,
    tooLate: (hours: number) => `Faltan menos de ${hours} horas, así que ya no se puede cambiar ni cancelar.`,
    newDateBy: (lastDay: string, windowDays: number) =>
      `La nueva fecha no puede ser posterior al ${lastDay}, ${windowDays} días desde que compró el examen.`,
    noNewDate: (lastDay: string, windowDays: number) =>
      `El plazo de ${windowDays} días de este examen terminó el ${lastDay}, así que no hay una fecha posterior a la que moverla.`,
    factWhen: (when: string, place: string) => `${when} (hora local), ${place}.`,
    factCanChange: (deadline: string) => `Cambiar o cancelar antes del ${withPeriod(deadline)}`,
    factTooLate: (hours: number) => `Faltan menos de ${hours} horas: no se puede cambiar ni cancelar.`,
    factNewDateBy: (lastDay: string) => `La nueva fecha debe ser a más tardar el ${lastDay}.`,
    nextChange: 'Para mover una cita, primero cancélela y después reserve la nueva fecha en myASE, o pídame que la cancele.',
    nextTooLate: (phone: string) =>
      `Si no puede ir, llame a Prometric al ${phone}: una cita perdida se califica como No Show y se pierden sus tarifas.`,
    nextNone: 'Los detalles de sus citas también están en myASE.',
    suggestCancel: { title: 'Cancelar una cita', value: 'cancelar mi cita' },
  },

  cancel: {
    label: (test: string, date: string, time: string) => `cita de ${test} del ${date} a las ${time}`,
    none: 'No tiene citas próximas que cancelar.',
    noneFor: (tests: string) => `No tiene ninguna cita próxima para ${tests} que cancelar.`,
    nextNone: 'Los exámenes que compró y no ha programado están en myASE, donde también puede cancelarlos.',
    one: (label: string, deadline: string) => `Su ${label} todavía se puede cancelar, antes del ${deadline} (hora del centro de examen).`,
    many: (n: number) => `Todavía puede cancelar ${plural(n, 'cita', 'citas')}.`,
    tooLate: (label: string, hours: number) => `Para su ${label} faltan menos de ${hours} horas, así que ya no se puede cancelar.`,
    keepsPurchase: (lastDay: string) =>
      `Cancelar la cita conserva el examen que compró: puede reservar una nueva fecha hasta el ${lastDay}.`,
    factCancelBefore: (deadline: string) => `Cancelar antes del ${withPeriod(deadline)}`,
    refund: (prometric: string) =>
      `Para un reembolso, cancele primero la cita y luego el examen con la opción Cancel Test en myASE (o llame a Prometric al ${prometric}): solo puede cancelar un examen y recibir un reembolso por un examen que compró.`,
    noRefundWithin: 'A menos de tres días de la cita no puede cancelar la cita ni el examen, así que no hay reembolso.',
  },

  expiry: {
    none: 'No hay certificaciones en su cuenta.',
    notHeld: (tests: string) => `No hay ninguna certificación ${tests} en su cuenta.`,
    current: (test: string, expires: string) => `Su certificación ${test} está vigente: vence el ${expires}.`,
    soon: (test: string, expires: string, daysLeft: number) => `Su certificación ${test} vence pronto: el ${expires}, ${fromToday(daysLeft)}.`,
    lapsed: (test: string, expired: string) => `Su certificación ${test} venció el ${expired}.`,
    recertBefore: (years: number) =>
      `Tome el examen de recertificación antes de esa fecha para mantenerla vigente; el nuevo vencimiento es ${years} años desde el día en que se recertifique.`,
    recertSoon: (newExpiry: string, daysLost: number) =>
      `Si se recertifica hoy, el nuevo vencimiento es el ${newExpiry}; los ${days(daysLost)} que le quedan ahora no se suman.`,
    recertLapsed: (newExpiry: string) =>
      `Todavía puede tomar el examen de recertificación: si lo aprueba hoy, el nuevo vencimiento sería el ${newExpiry}.`,
    summary: (total: number, current: number, soon: number, lapsed: number) => {
      const parts = [current ? `${current} ${current === 1 ? 'vigente' : 'vigentes'}` : '', soon ? `${soon} por vencer pronto` : '', lapsed ? `${lapsed} ${lapsed === 1 ? 'vencida' : 'vencidas'}` : ''].filter(Boolean);
      return `Tiene ${plural(total, 'certificación', 'certificaciones')}: ${yList(parts)}.`;
    },
    recertMany: (years: number) =>
      `Un examen de recertificación renueva una certificación vencida o por vencer; el nuevo vencimiento es ${years} años desde el día en que se recertifique.`,
    factCurrent: (expires: string) => `vigente, vence el ${expires}`,
    factSoon: (expires: string, daysLeft: number) => `vence pronto: ${expires} (${fromToday(daysLeft)})`,
    factLapsed: (expired: string) => `venció el ${expired}`,
    first: (tests: string, many: boolean, expires: string, daysLeft: number) =>
      `${many ? 'Estas vencen' : `Su certificación ${tests} vence`} primero: el ${expires} (${fromToday(daysLeft)})${many ? `: ${tests}` : ''}.`,
    nextReminders: 'ASE también le envía un recordatorio antes de que venza una credencial.',
    nextNone: (phone: string) => `Si cree que falta alguna, Servicio al Cliente de ASE (${phone}) puede revisarlo.`,
  },

  within: {
    thisYear: (end: string) => `este año (a más tardar el ${end})`,
    next90: (end: string) => `en los próximos 90 días (a más tardar el ${end})`,
    one: (test: string, expires: string, period: string) => `Su certificación ${test} vence ${period}: el ${expires}.`,
    many: (n: number, period: string) => `${n} de sus certificaciones vencen ${period}.`,
    none: (period: string) => `Ninguna de sus certificaciones vence ${period}.`,
    nextAfter: (test: string, expires: string) => `La próxima en vencer es ${test}, el ${expires}.`,
    lapsedItem: (test: string, expired: string) => `${test} el ${expired}`,
    alreadyLapsed: (items: string) => `Ya vencidas: ${items}.`,
    factExpires: (expires: string, daysLeft: number) => `vence el ${expires} (${fromToday(daysLeft)})`,
  },

  master: {
    requirement: (tests: string, name: string) => `${tests} para ${name}`,
    range: (from: string, to: string) => `${from}-${to}`,
    noneRelevant: (requirements: string) => `No tiene ninguna de las certificaciones que cuentan para el estatus Master (${requirements}).`,
    earnNext: 'El estatus Master se obtiene al estar certificado en todos los exámenes requeridos de una serie.',
    holds: (name: string, first: string, expires: string) =>
      `Sí: usted es ${name}. Todas las certificaciones requeridas están vigentes; la primera en vencer es ${first}, el ${expires}.`,
    holdsNext: 'Recertifique cada una antes de que venza para mantener el estatus.',
    lapsedItem: (test: string, expired: string) => `${test} venció el ${expired}`,
    lapsed: (name: string, items: string) => `No: su estatus de ${name} está suspendido porque ${items}.`,
    reinstate: (tests: string) => `Aprobar el examen de recertificación de ${tests} lo restablece.`,
    incomplete: (name: string, required: string, missing: string) =>
      `Todavía no: ${name} requiere ${required} vigentes, y usted no tiene ${missing}.`,
    alsoLapsed: (items: string) => `Además, ${items}.`,
    incompleteNext: 'Apruebe los exámenes que faltan para obtener el estatus.',
    many: (n: number) => `Este es su estatus Master en ${n} series.`,
    factHolds: (first: string, expires: string) => `vigente; la primera en vencer: ${first}, ${expires}`,
    factLapsed: (tests: string) => `suspendido: ${tests} venció`,
    factIncomplete: (missing: string) => `todavía no: falta ${missing}`,
  },

  status: {
    holds: (name: string) => `Usted es ${name}: todas las certificaciones requeridas están vigentes.`,
    lapsed: (name: string, items: string) => `Su estatus de ${name} está suspendido porque ${items}.`,
    incomplete: (name: string, missing: string) => `Todavía no es ${name}: no tiene ${missing}.`,
  },

  results: {
    lead: (n: number) => (n === 1 ? 'Su resultado más reciente en su cuenta:' : 'Sus resultados más recientes en su cuenta:'),
    pass: (test: string, on: string) => `${test}: aprobado el ${on}.`,
    fail: (test: string, on: string) => `${test}: no aprobado el ${on}.`,
    'no-show': (test: string, on: string) => `${test}: No Show el ${on} (no se presentó a la cita).`,
    none: 'Todavía no hay resultados de exámenes en su cuenta. El informe de calificaciones se envía por correo electrónico justo después de la cita, y los resultados están en myASE en un plazo de tres días en la mayoría de los casos.',
    noneFor: (tests: string) =>
      `Todavía no hay un resultado de ${tests} en su cuenta. El informe de calificaciones se envía por correo electrónico justo después de la cita, y los resultados están en myASE en un plazo de tres días en la mayoría de los casos.`,
  },

  retest: {
    none: 'No hay ningún examen reprobado en su cuenta, así que no hay espera para repetir.',
    notFailed: (test: string) => `Su último resultado de ${test} no es reprobado, así que no hay espera para repetir.`,
    noResult: (test: string, code: string) =>
      `No hay ningún resultado de ${test} en su cuenta. Si lo tomó hace poco, dígame el día (por ejemplo "reprobé el ${code} el 3 de marzo") y le calculo cuándo puede comprarlo de nuevo.`,
    wait: (test: string, earliest: string, daysToWait: number, failed: string, fullDays: number) =>
      `Puede comprar ${test} de nuevo a partir del ${earliest}, ${fromToday(daysToWait)}: deben pasar ${fullDays} días completos después de que lo reprobó el ${failed}.`,
    now: (test: string, failed: string, fullDays: number) =>
      `Ya puede comprar ${test} de nuevo: han pasado ${fullDays} días completos desde que lo reprobó el ${failed}.`,
    many: (n: number) => `Tiene ${plural(n, 'examen', 'exámenes')} por repetir.`,
    factWait: (earliest: string, daysToWait: number) => `comprar de nuevo a partir del ${earliest} (${fromToday(daysToWait)})`,
    factNow: 'ya puede comprarlo de nuevo',
    noShowPosted: (test: string, date: string) =>
      `Su cita de ${test} del ${date} fue un No Show. El resultado ya aparece, así que puede comprarlo de nuevo ahora, pagando otra vez la tarifa de registro y la del examen.`,
    noShowWaiting: (test: string, date: string) =>
      `Su cita de ${test} del ${date} fue un No Show. Cuando el resultado No Show aparezca en myASE podrá comprarlo de nuevo, pagando otra vez la tarifa de registro y la del examen.`,
    factNoShowPosted: 'No Show: puede comprarlo de nuevo ahora (las dos tarifas otra vez)',
    noneMissed: 'Su cuenta no muestra ninguna cita perdida (No Show).',
    factNoShowWaiting: 'No Show: cómprelo de nuevo cuando aparezca el resultado (las dos tarifas otra vez)',
    nextWait: 'Cuando llegue el día, cómprelo y prográmelo en myASE.',
    nextNow: 'Cómprelo y prográmelo en myASE.',
  },

  duplicates: {
    none: 'No hay certificaciones en su cuenta, así que no hay nada que duplicar.',
    oneSeries: (total: string, series: string) => `Los duplicados de todos sus certificados costarían ${total}: están todos en una serie de exámenes, ${series}.`,
    manySeries: (total: string, count: number, fee: string) => `Los duplicados de todos sus certificados costarían ${total}: ${count} series de exámenes a ${fee} cada una.`,
    factSeries: (tests: string, fee: string) => `${tests}: ${fee}`,
    next: 'Pídalos entrando en myASE.',
  },

  certificate: {
    noRecentPass: (withinDays: number) => `No veo ningún examen aprobado en los últimos ${withinDays} días, así que no hay ningún certificado nuevo en camino.`,
    noRecentNext: (phone: string) => `Si nunca le llegó el certificado de un examen anterior, Servicio al Cliente de ASE (${phone}) puede ayudarle.`,
    pending: (tests: string, count: number) =>
      `${count === 1 ? 'Su certificado' : 'Sus certificados'} de ${tests} ${count === 1 ? 'está retrasado' : 'están retrasados'} hasta que se revise y apruebe su experiencia laboral, que todavía está en revisión.`,
    pendingSince: (date: string) => `Su experiencia laboral se actualizó por última vez el ${date}.`,
    pendingNext: 'Puede seguir la revisión en myASE; el certificado se envía cuando se aprueba su experiencia laboral.',
    notSubmitted: (tests: string, count: number) =>
      `${count === 1 ? 'Su certificado' : 'Sus certificados'} de ${tests} ${count === 1 ? 'está' : 'están'} en espera porque no ha enviado el formulario de experiencia laboral.`,
    notSubmittedNext: 'Envíe el formulario de experiencia laboral en myASE; el certificado llega cuando se revise y apruebe.',
    rejected: (tests: string, count: number) =>
      `${count === 1 ? 'Su certificado' : 'Sus certificados'} de ${tests} todavía no se ${count === 1 ? 'puede' : 'pueden'} enviar: su experiencia laboral no fue aprobada.`,
    rejectedNext: (phone: string) => `Servicio al Cliente de ASE (${phone}) le puede decir qué se necesita.`,
    expected: (test: string, around: string, tested: string) => `Su certificado de ${test} debería llegar alrededor del ${around}; aprobó el examen el ${tested}.`,
    overdue: (test: string, around: string, tested: string) => `Su certificado de ${test} se esperaba alrededor del ${around}; aprobó el examen el ${tested}.`,
    many: (n: number) => `Aprobó ${plural(n, 'examen', 'exámenes')} recientemente.`,
    factExpected: (around: string) => `se espera alrededor del ${around}`,
    factOverdue: (around: string) => `se esperaba alrededor del ${around}`,
    expectedNext: 'Llega por correo; sus resultados ya están en myASE.',
    overdueNext: (phone: string) => `Si no le ha llegado, Servicio al Cliente de ASE (${phone}) puede ayudarle.`,
    address: 'Si se mudó después de su examen, actualice su dirección en myASE para que el certificado le llegue.',
  },

  // ---- "¿puedo obtener una excepción?" -------------------------------------------------------
  exception: {
    noAppointments: 'Su cuenta no muestra citas de examen próximas, así que la regla de los tres días no le afecta ahora.',
    closed: (label: string, hours: number) => `Para su ${label} faltan menos de ${hours} horas, así que según la regla ya no se puede cambiar ni cancelar.`,
    open: (label: string, deadline: string) => `Su ${label} todavía se puede cambiar o cancelar antes del ${deadline} (hora del centro de examen): no necesita ninguna excepción.`,
    noneInSource: (prometric: string, ase: string) =>
      `No tengo información sobre excepciones: las preguntas frecuentes con las que respondo no dan ninguna a la regla de los tres días. Prometric (${prometric}) o el Servicio al Cliente de ASE (${ase}) son quienes pueden responderle.`,
  },

  purchases: {
    none: 'No tiene exámenes comprados pendientes de tomar.',
    noneNext: (windowDays: number) => `Cuando compra un examen, tiene ${windowDays} días para programarlo y tomarlo.`,
    open: (test: string, lastDay: string, daysLeft: number) => `Tiene hasta el ${lastDay} para programar y tomar ${test}: ${fromToday(daysLeft)}.`,
    lastDay: (test: string, lastDay: string) => `Hoy, ${lastDay}, es el último día para tomar ${test}.`,
    expired: (test: string, lastDay: string) =>
      `${test} venció después del ${lastDay}: se pierden sus tarifas, y tendría que comprarlo de nuevo (tarifa de registro y tarifa del examen).`,
    scheduled: (test: string, when: string, lastDay: string, windowDays: number) =>
      `${test} tiene cita el ${when}; su plazo de ${windowDays} días termina el ${lastDay}.`,
    summary: (open: number, scheduled: number, expired: number) => {
      const parts = [open ? `${open} por programar` : '', scheduled ? `${scheduled} con cita` : '', expired ? `${expired} ${expired === 1 ? 'vencido' : 'vencidos'}` : ''].filter(Boolean);
      return `De los exámenes que compró y no ha tomado: ${yList(parts)}.`;
    },
    factOpen: (lastDay: string, daysLeft: number) => `programar y tomar a más tardar el ${lastDay} (${fromToday(daysLeft)})`,
    factLastDay: (lastDay: string) => `hoy, ${lastDay}, es el último día`,
    factExpired: (lastDay: string) => `venció después del ${lastDay}; tarifas perdidas`,
    factScheduled: (when: string, lastDay: string) => `con cita el ${when}; el plazo termina el ${lastDay}`,
    nextSchedule: (codes: string) => `Programe ${codes} en myASE lo antes posible.`,
    onDateWithin: (test: string, when: string, lastDay: string, daysLeft: number) =>
      `Sí: ${when} está dentro del plazo de ${test}: tiene hasta el ${lastDay} (${fromToday(daysLeft)}) para programarlo y tomarlo.`,
    onDateAfter: (test: string, when: string, lastDay: string, daysLeft: number) =>
      `No: tiene hasta el ${lastDay} (${fromToday(daysLeft)}) para programar y tomar ${test}, y ${when} es después. Un examen no tomado vence después de su último día y se pierden sus tarifas, así que reserve un día antes.`,
    nextRebuy: 'Puede comprarlo de nuevo en myASE.',
    nextBooked: 'Los detalles de su cita están en myASE.',
  },
};
