import { all, demo1, en, not, transcriptTables } from './suite.js';

// The seventh usability round: a tester played candidates against `npm start` (conversation numbers
// as in their transcripts), each written as the general rule it broke. The clock is theirs: Sunday,
// December 6, 2026, noon in New York; every transcript also runs on SMS.

transcriptTables(
  [
    [
      'a look-alike from outside ASE is declined with where to look, not answered with ASE policy (c31, c62, c30)',
      [
        ['"how do i renew my state emissions inspector license" is a state licence, not the ASE account', [
          ['how do i renew my state emissions inspector license', all('state agency', not('sign in'), not(/recertif/i))],
        ]],
        ['"renew my smog inspector licence" is the same', [
          ['can i renew my inspector licence online', all('state agency', not('sign in'))],
        ]],
        ['"is the ASE exam the same as the ASE echocardiography registry? im a sonographer" is a different ASE, though it says ASE', [
          ['is the ASE exam the same as the ASE echocardiography registry? im a sonographer', all('different ASE', not('registration fee'), not('myASE'))],
        ]],
        ['"¿el examen de ASE es el de ecocardiografía?" is the different ASE in Spanish too', [
          ['¿el examen de ASE es el registro de ecocardiografía? soy ecografista', all('otra ASE', not('myASE'))],
        ]],
        ['"how much" after the EPA 609 card answer is not the price of ASE\'s own duplicate certificates', [
          ['need my epa 609 card replaced', 'EPA Section 609'],
          ['how much', all(not('$7.50'), not(/per test series/))],
        ]],
        ['"¿cuánto cuesta?" after the EPA 609 answer in Spanish is the same', [
          ['perdí mi tarjeta 609 de la epa', 'EPA'],
          ['¿y cuánto cuesta?', all(not('7.50'), not(/serie/))],
        ]],
      ],
    ],
    [
      'a yes-or-no question about work experience is answered first (c47)',
      [
        ['"do I need work experience to take the ASE test?" says no: test first, the certificate waits', [
          ["I'm a student at a community college, do I need work experience to take the ASE test? my program is 2 years", all(/^No\b/, 'certificate for a passed test is delayed', not(/Recertification/))],
        ]],
        ['a real second question after the question mark is still answered: "...duplicate certificate? how do i change my address"', [
          ['how do i get a duplicate certificate? how do i change my address', all('$7.50', /address/i)],
        ]],
        ['"¿necesito experiencia laboral para tomar el examen?" is answered the same in Spanish', [
          ['¿necesito experiencia laboral para tomar el examen de ASE?', all(/^No\b/, 'puede examinarse primero')],
        ]],
      ],
    ],
    [
      'asked whether the time left is kept on recertifying early, the reply leads with the answer: it is not (c54)',
      [
        ['signed in, "can i recert it now and keep the remaining time" after the G1 expiry does not start with "Yes"', [
          ['DEMO-0001, 1980-01-01, 0001', 'signed in'],
          ['whens my g1 expire', 'November 1, 2030'],
          ['can i recert it now and keep the remaining time', all(/^You don't keep the time left/, not(/^Yes/))],
        ]],
        ['"can i recertify early" is still a yes', [
          ['can i recertify early', /^Yes, you may recertify early/],
        ]],
      ],
    ],
    [
      'English slang and Spanish thanks and yes are read in their own language (c37, c39, c52, c50)',
      [
        ['"yo" is an English greeting, and the conversation stays in English', [
          ['yo', all(en.greeting, not('¡Hola!'))],
          ['wyd', not(/Perd[oó]n/)],
        ]],
        ['"yo quiero cancelar mi examen" is still Spanish', [
          ['yo quiero cancelar mi examen', all(/cancel/i, not('To cancel'))],
        ]],
        ['"gracias amigo" after a Spanish answer is thanks, not "eso no lo sé"', [
          ['mi examen de A2 es el 20 de diciembre pero lo quiero en español, se puede?', 'español'],
          ['gracias amigo', all(/De nada/, not(/eso no lo s[eé]/))],
        ]],
        ['"thanks man" is thanks in English too', [
          ['how do i get a duplicate certificate', '$7.50'],
          ['thanks man', all(/welcome/, not(en.unknown))],
        ]],
        ['signed in, a bare "sí" after a Spanish answer is an acknowledgement, not "eso no lo sé"', [
          ['Hola, iniciar sesión', 'ASE ID'],
          [demo1, /ha iniciado sesi[oó]n/],
          ['como se cancela un examen en general?', 'Cancel Test'],
          ['sí', all(not(/eso no lo s[eé]/), not(/^Okay/))],
        ]],
        // "no", not "sí": a cancellation here would cancel the demo account's A5 for the next channel's run.
        ['signed in, "quiero cancelar la de A5" is the account\'s A5 appointment, asked to be confirmed', [
          ['Hola, iniciar sesión', 'ASE ID'],
          [demo1, /ha iniciado sesi[oó]n/],
          ['quiero cancelar la de A5', all(/¿Cancelar su cita de A5/, not('Cancel Test'))],
          ['no', all(not(/eso no lo s[eé]/), not(/^Okay/), not(/cancelada|se cancel/i))],
        ]],
      ],
    ],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
