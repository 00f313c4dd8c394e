import { all, demo1, en, not, transcriptTables } from './suite.js';

// The fifth usability round: a tester who never read the code played candidates against `npm start`
// (findings numbered as in their report), each written as the general rule it broke. The clock is
// theirs: Sunday, December 6, 2026, noon in New York; every transcript also runs on SMS.

/** A Spanish sentence as either channel writes it: with its accents (Web Chat) or without (SMS). */
function es(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/[áa]/g, '[aá]').replace(/[íi]/g, '[ií]').replace(/[óo]/g, '[oó]').replace(/[úu]/g, '[uú]').replace(/[ée]/g, '[eé]'));
}

const expiredPurchase = /expired after|Venci[oó] despu[eé]s/;

transcriptTables(
  [
    [
      'a date the message says is an appointment is the appointment, a day ahead (#34)',
      [
        ['after a question about the purchase window in the middle of rescheduling, "my appointment is December 9" is this week\'s appointment, not a purchase a year ago', [
          ['I want to reschedule my test', 'Tell me the date of your appointment'],
          ['wait, how long do I have after I buy a test?', '90 days'],
          ['ok, my appointment is December 9', all('Wednesday, December 9, 2026', not('2025'), not(expiredPurchase))],
        ]],
        ['the same in Spanish: "mi cita es el 9 de diciembre" is the appointment this week', [
          ['quiero cambiar mi cita', /cita/],
          ['espera, cuanto tiempo tengo despues de comprar el examen?', '90 d'],
          ['ok, mi cita es el 9 de diciembre', all(es('9 de diciembre de 2026'), not('2025'), not(expiredPurchase))],
        ]],
        ['asked only about the purchase window, "my appointment is December 9" is still never read as the purchase', [
          ['how long do I have after I buy a test?', '90 days'],
          ['my appointment is December 9', all(not('December 9, 2025'), not(expiredPurchase))],
        ]],
      ],
    ],
    [
      'a question answered before the bot knows the facts never opens with a verdict it cannot give (#8, #18)',
      [
        ['signed out, "am i still master tech" is told "not if one has lapsed", never a bare "No"', [
          ['am i still master tech', all(/^Not if one has lapsed/, not(/^No:/))],
        ]],
        ['"how do I get my master back" is told how: taking and passing the Recertification Tests', [
          ['how do i get my master back', all(/^If you lost Master Technician status because one or more required certifications lapsed, it can be reinstated/, not(/^No/))],
        ]],
        ['"y como lo recupero" after the Spanish Master answer is told how, not "No"', [
          ['soy master tech, todavia lo soy si se vencio el A3?', all(es('el estatus de Técnico Maestro de Automóvil está suspendido'), not('Master Automobile'))],
          ['y como lo recupero', all(es('puede recuperarlo tomando y aprobando los exámenes de recertificación'), not(/^No/))],
        ]],
        ['"I already took my test last week, will my certificate still come?" after an address change is the certificate\'s delivery, not recertification', [
          ['I moved, how do I change my address', 'Update your address'],
          ['I already took my test last week, will my certificate still come?', all('about three weeks after your test date', not('Recertification Test'), not('Which day exactly'))],
        ]],
      ],
    ],
    [
      'signed in, a question about which certifications expire in a period is about the candidate\'s own (#7)',
      [
        ['"which certs expire this yr", after the Master question, lists this year\'s expiries from the account', [
          ['sign in', en.linking.askCredentials],
          [demo1, 'signed in'],
          ['am i still a master tech', 'Master'],
          ['which certs expire this yr', all('None of your certifications expire this year', not('Master Technician status lasts'))],
        ]],
        ['"que certificaciones vencen este año?" is answered from the account in Spanish', [
          ['iniciar sesion', /ASE/],
          [demo1, /sesi[oó]n/],
          ['que certificaciones vencen este año?', es('Ninguna de sus certificaciones vence este año')],
        ]],
      ],
    ],
    [
      'a question in the words of one entry\'s alternate is answered, not met with "Did you mean" (#6, #28, #30)',
      [
        ['"I want to buy the A5 test" is told how to buy', [
          ['I want to buy the A5 test', all('You buy and schedule tests in your myASE account', not(en.didYouMean))],
        ]],
        ['"how do i study for the test" gets the study guides and practice tests', [
          ['how do i study for the test', all('ASE Study Guides', not(en.didYouMean))],
        ]],
        ['"why cant i see what i got wrong" is the missed-questions answer, though it names no ASE word', [
          ['why cant i see what i got wrong', all("ASE can't show you the questions you missed", not(en.unknown))],
        ]],
        ['"como compro el examen de frenos" is how to buy, not the 30-day retest wait, and "cuantos dias tengo para tomarlo" is the 90 days', [
          ['como compro el examen de frenos', all(es('Los exámenes se compran y se programan en su cuenta de myASE'), not(es('30 días completos')))],
          ['cuantos dias tengo para tomarlo', all(es('tiene 90 días desde la fecha de compra'), not(es('30 días completos')))],
        ]],
      ],
    ],
    [
      'Spanish follow-ups and thanks stay on the topic just answered (#13, #35)',
      [
        // Round 14: the no-refund sentence just said is pointed to, not said again.
        ['after a missed appointment, "me regresan el dinero?" is pointed to the no-refund answer, not told that tests are refunded', [
          ['se me paso mi cita ayer, no fui al examen', es('No hay reembolso por una cita perdida')],
          ['me regresan el dinero?', all(es('Eso está en mi respuesta de arriba'), not(es('se reembolsa un examen')))],
        ]],
        ['"gracias otra vez" is thanks again, not "take it again"', [
          ['gracias', es('¡De nada!')],
          ['gracias otra vez', all(es('¡De nada!'), not(es('30 días completos')))],
        ]],
      ],
    ],
    [
      'Spanish facts in the first message and Spanish account requests are read as the English ones are (#14, #31, #15)',
      [
        ['"se me vencio el A6, sigo siendo master?" answers for A6 at once, and a duplicate question next is not taken as a lapse', [
          ['soy master tech pero se me vencio el A6, sigo siendo master?', all(es('Ahora mismo no: A6 venció'), not(es('han vencido?')))],
          ['cuanto cuesta un duplicado del certificado de A1 y T2', all('$15.00', not(es('A1 venció')))],
        ]],
        ['"todavia lo soy si se vencio el A3?" answers for A3 at once', [
          ['soy master tech, todavia lo soy si se vencio el A3?', es('Ahora mismo no: A3 venció')],
        ]],
        ['signed in, "tengo citas?" lists the appointments and "cancela la de A5" asks to confirm that one (an explicit yes still needed)', [
          ['iniciar sesion', /ASE ID/],
          [demo1, /sesi[oó]n/],
          ['tengo citas?', all(/citas? de (?:examen|A4)/, not(es('Dígame la fecha de su cita')))],
          ['cancela la de A5', es('¿Cancelar su cita de A5')],
        ]],
      ],
    ],
    [
      'Spanish dates and the queue as Spanish speakers write them (#16, #17, #36)',
      [
        ['"lo compre el 15 de sept" is September 15: until December 14', [
          ['cuantos dias tengo despues de comprarlo', es('90 días')],
          ['lo compre el 15 de sept', all(es('Martes, 15 de septiembre de 2026: entendido'), es('lunes, 14 de diciembre de 2026'))],
        ]],
        ['"reprobe el A5 hace 2 semanas" is written without a time of day the candidate never gave (A5 is no 5 a.m.)', [
          ['reprobe el A5 hace 2 semanas', all(es('Domingo, 22 de noviembre de 2026: entendido'), not(/a las 5:00/))],
        ]],
        ['queued, "no ya no, gracias" leaves the queue, as "never mind" does', [
          ['necesito hablar con alguien', es('He pedido a una persona del equipo de soporte de ASE')],
          ['no ya no, gracias', all(es('le he sacado de la fila'), not(es('lo he pasado')))],
        ]],
      ],
    ],
    [
      'a list adds, a prompt keeps what it asked for (#9, #26)',
      [
        ['after the price of duplicates for A1, A2, A3 and P2, "and T4?" adds T4: $22.50 for three series', [
          ['how much 4 duplicate certs A1 A2 A3 and P2', '$15.00'],
          ['and T4?', all('Added T4.', '$22.50', 'P2', not('Changed to'))],
        ]],
        ['"what about T2" after the price still replaces the list', [
          ['how much 4 duplicate certs A1 A2 A3 and P2', '$15.00'],
          ['what about T2', all('Changed to T2.', '$7.50')],
        ]],
        ['a date of birth sent alone at the sign-in prompt asks for all three details, and is never worked out as a test date', [
          ['when can i retake A3', 'What date did you take A3?'],
          ['sign in', en.linking.askCredentials],
          ['Jan 1 1980', all('I still need your ASE ID and last 4 SSN digits', not('looks like a date of birth'), not('send it again'))],
          [demo1, 'signed in'],
        ]],
      ],
    ],
    [
      'a yes/no question whose answer no date changes is answered at once (#22, #24)',
      [
        ['"my A8 cert expired in 2024 can i still recert" is told yes, without asking for a pass date first', [
          ['my A8 cert expired in 2024 can i still recert', all(/^Yes: you may take Recertification Tests even after your credentials have expired/, not('When did you pass A8'))],
        ]],
        ['"my A5 expires next month, can I recertify early?" is told yes, and that the time left is not credited', [
          ['my A5 expires next month, can I recertify early?', all(/^Yes, you may recertify early, but the time left on your original certification is not credited/, not('When did you pass A5'))],
        ]],
        ['"when can I recertify A5?" still asks for the date it turns on', [
          ['when can I recertify A5?', 'When did you pass A5'],
        ]],
      ],
    ],
    [
      'SMS spellings of a short follow-up read as the spelt-out words (#21)',
      [
        ['after the Spanish-tests answer, "wat about g1" says G1 is available in Spanish', [
          ['hey can i take the test in spanish', 'available in Spanish'],
          ['wat about g1', all('(G1) are available in Spanish', not(en.unknown))],
        ]],
        ['after the testing-abroad answer, "wat abt mexico" gives where testing is offered', [
          ['cn i tke test in canada', 'United States, U.S. territories, and Canada'],
          ['wat abt mexico', all('United States, U.S. territories, and Canada', not(en.didYouMean))],
        ]],
      ],
    ],
    [
      'after a "No" or a question in between, the conversation comes back to the task (#11, #19)',
      [
        ['"y not" after "No: changes aren\'t allowed within three days" gives the rule again, not "I don\'t know that one"', [
          ['my test is tmrw at 8am can i cancel', "No: changes aren't allowed within three days"],
          ['y not', all('more than three days away', not(en.unknown))],
        ]],
        ['"ok back to my question" after a question about results repeats the purchase window, not another entry', [
          ['I bought A1 on September 15. How long do I have?', 'You have until Monday, December 14, 2026'],
          ['wait, when do results come out after I test?', 'score report'],
          ['ok back to my question', all('You have until Monday, December 14, 2026', not("ASE can't show you the questions you missed"))],
        ]],
      ],
    ],
    [
      'a question that says it is new is not taken as the waiting task\'s answer (#27)',
      [
        ['after the retest offer, "and when does A4 expire?" is about A4\'s expiry, not the date A4 was taken', [
          ['when can I retake the test if I failed', 'You must wait 30 full days'],
          ['and when does A4 expire?', all('When did you pass A4', not('What date did you take A4'))],
        ]],
        ['signed in, in Spanish, "y el A4 cuando vence?" during the retest question is answered from the account', [
          ['cuando puedo volver a tomar el examen si lo reprobe', es('30 días completos')],
          ['sign in', /ASE ID/],
          [demo1, es('No hay ningún examen reprobado en su cuenta')],
          ['y el A4 cuando vence?', all(es('No hay ninguna certificación A4'), not(es('A4: anotado')))],
        ]],
      ],
    ],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
