import { all, demo1, demo3, demo4, not, signIn, transcriptTables, type Transcript } from './suite.js';

// The fifteenth usability round: about forty-five conversations played against `npm start` as
// candidates who never saw the code. Each finding is written here as the rule it broke. The clock
// is the tester's: Monday, December 7, 2026, noon in New York.

const theTestTheVerbNames: Transcript[] = [
  ['"took A1 A2 and A3 last saturday, passed 2, failed A2 ... when can i retake it" is A2\'s retest, never A1\'s', [
    [
      'hey so i took A1 A2 and A3 last saturday, passed 2 of them, failed A2 by like 3 points which is so annoying. when can i retake it',
      all('You can buy A2 again on or after Tuesday, January 5, 2027', not('buy A1')),
    ],
  ]],
  ['"passed A5 but reprobé A6 el 1 de diciembre" is A6\'s retest in Spanish', [
    ['pasé A5 pero reprobé A6 el 1 de diciembre, cuándo lo puedo volver a tomar', all(/A6/, not(/comprar A5/))],
  ]],
];

const aStatedExpiryStands: Transcript[] = [
  ['"my A4 expires on 2/29/2028" is said back as February 29, never as the 28th', [
    ["my A4 expires on 2/29/2028, when's the earliest I can recert", all('expires on Tuesday, February 29, 2028', not('February 28'), '449 days left')],
  ]],
];

const aPurchaseIsNoAppointment: Transcript[] = [
  ['"I need to cancel my test and also get a refund for it, I bought it 2 weeks ago" is told how to cancel, and the purchase date is never taken as the appointment', [
    ['I need to cancel my test and also get a refund for it, I bought it 2 weeks ago', all(/^(?:To cancel a test|Cancel the appointment, then the test)/, not('has already passed'), 'Tell me the date of your appointment')],
    ["it's on the 20th", all('December 20, 2026', 'the test itself with the Cancel Test option')],
  ]],
];

const theDateAskedAbout: Transcript[] = [
  ['"I passed my A7 on 12/7/2021, does it expire today?" is answered from the pass, never asked which of the two dates was meant', [
    ['I passed my A7 on 12/7/2021, does it expire today?', all('December 7, 2021', 'A7 certification', not('Which date did you mean'))],
  ]],
];

const aheadIsNoFailure: Transcript[] = [
  ['"I want to retake A5 and also reschedule my A4 for next month" never asks which day of next month A5 was failed', [
    ['I want to retake A5 and also reschedule my A4 for next month', all(not('Which day exactly'), 'What date did you take A5')],
  ]],
  ['"i never got to schedule it" leads with the 90-day window, never the missed-appointment refund', [
    ['hi i got a email saying my test expires soon but i never got to schedule it. can i still?', all(/^You have 90 days from (?:the )?purchase/, not(/^There's no refund/))],
  ]],
];

const anAppointmentIsNoPurchase: Transcript[] = [
  ['"and if i already scheduled it for jan 2" after the purchase window is no purchase on January 2', [
    ['I bought the G1 test on sept 15, how long do i have to schedule it', 'until Monday, December 14, 2026'],
    ['and if i already scheduled it for jan 2', all(not('January 2, 2026'), not('expired'))],
  ]],
];

const oneOfMyAppointments: Transcript[] = [
  ['signed in, "can i cancel the A4 one" is answered from the account: too close to change, never the general cancel answer', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['can i cancel the A4 one', all(/^Your A4 \(Suspension and Steering\) appointment is on/, 'can no longer be changed or cancelled', not('To cancel a test'))],
  ]],
  ['"can i cancel the second one?" is the second appointment in date order, A5', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['can i cancel the second one?', all(/^Your A5 \(Brakes\) appointment is on/, not('A4'))],
  ]],
  ["'can i move the brakes one to next month' is A5's appointment alone, then 'ok cancel it' asks to confirm its cancellation", [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['can i move the brakes one to next month', all(/^Your A5 \(Brakes\) appointment/, 'A new date must be no later than', not('2 upcoming'))],
    ['ok cancel it', all('Cancel your A5 (Brakes) appointment', not('To cancel a test'))],
  ]],
  ['"ok do it" right after the account said an appointment can still be cancelled ("or ask me to cancel it") asks to confirm cancelling it', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['can i cancel my brakes appointment?', 'ask me to cancel it'],
    ['ok do it', all('Cancel your A5 (Brakes) appointment', not('To change your test date'))],
  ]],
  ['"ok cancel it" with nothing from the account before it is never an appointment cancelled', [
    ['ok cancel it', all(not('Cancel your'), 'To cancel a test, cancel its appointment first')],
  ]],
  ['"wait which one is the A4 one" while a cancellation waits for its yes says A4 cannot be cancelled, asks again, and "no keep it" keeps it', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['i want to cancel my test', 'Cancel your A5 (Brakes) appointment'],
    ['wait which one is the A4 one', all('A4 (Suspension and Steering)', 'can no longer be cancelled', 'Cancel your A5 (Brakes) appointment', not('registration fee'))],
    ['no keep it', all("haven't cancelled", not('registration fee'))],
  ]],
  ['"puedo cancelar la primera?" signed in is answered from the account, in Spanish', [
    ['iniciar sesión', 'ASE ID'],
    [demo4, /sesi[oó]n/],
    ['puedo cancelar la primera?', all(/^Su cita de A9/, not('Para cancelar un examen'))],
  ]],
  ['"¿puedo cancelar la de frenos?" when the only appointment is A9 says there is none for A5, never offers A9 as if it were', [
    ['iniciar sesión', 'ASE ID'],
    [demo4, /sesi[oó]n/],
    ['¿puedo cancelar la de frenos?', /^No tiene ninguna cita pr[oó]xima para A5/],
  ]],
  ['"show me my appointments" signed out offers sign-in, never a FAQ answer (the late-arrival rule was sent)', [
    ['show me my appointments', all("That's in your ASE account", not('arrive late'))],
  ]],
  ['"quiero ver mis citas" offers sign-in in Spanish, never "Did you mean" the questions missed', [
    ['quiero ver mis citas', all(/^Eso est[aá] en su cuenta de ASE/, not(/preguntas que fall/))],
  ]],
];

const theFactsGiven: Transcript[] = [
  ['"when do i get my certificate? took the test nov 20" is worked out from November 20, never the account offered instead', [
    ['when do i get my certificate? took the test nov 20', all('Expect your certificate around Friday, December 11, 2026', not('sign in'), not('Did you mean'))],
  ]],
  ['"when do i get my certificate, took the test 11/20" is the same', [
    ['when do i get my certificate, took the test 11/20', all('Expect your certificate around', not('sign in'))],
  ]],
  ['"its the auto one" after an address change and a duplicate asked together is the duplicate for the Automobile series, never the E-Learning program', [
    ['my address changed, also how do i get a duplicate cert, i lost mine in the move', all('Update your address', '$7.50 per test series')],
    ['its the auto one', all('That comes to $7.50', 'Automobile', not('E-Learning'))],
  ]],
];

const aPersonAskedForInShorthand: Transcript[] = [
  ['"can i talk 2 some1" is a request for a person', [
    ['can i talk 2 some1', all('support staff', not("I don't know that one"))],
  ]],
  ['"i need 2 talk 2 some1 abt my results they r wrong" is handed over, never the appeals gap alone', [
    ['i need 2 talk 2 some1 abt my results they r wrong', all('support staff', not('appeals'))],
  ]],
];

const saidAgain: Transcript[] = [
  ['"so what date is that" right after the retest date is the date said again, never the general 30-day rule alone', [
    ['failed my A8 today :( when can i retake', 'You can buy A8 again on or after Thursday, January 7, 2027'],
    ['so what date is that', 'Thursday, January 7, 2027'],
  ]],
];

const aMoveBesideTheCertificate: Transcript[] = [
  ['"cuando me llega el certificado? me mude hace poco" is told a move must be reported to ASE to receive it', [
    ['cuando me llega el certificado? me mude hace poco', /nueva direcci[oó]n para recibirlo/],
  ]],
];

const twoSentencesOneEntry: Transcript[] = [
  ['"my name changed after i got married how do i update it and also my dob is wrong" is the profile change form, never a "Did you mean" of one', [
    ['my name changed after i got married how do i update it and also my dob is wrong in the system', all('Print Profile Change Form', not('Did you mean'))],
  ]],
];

const howToCheck: Transcript[] = [
  ['"how would i check" at "Has the No Show result been posted?" is told where to look, never the payment-methods gap', [
    ['i missed my appointment last tuesday', 'Has the No Show result been posted'],
    ['how would i check', all('Log in to myASE and look at your test results', not('payment methods'), 'Has the No Show result been posted')],
    ['yes', 'buy the test again now'],
  ]],
];

const newsTakenIn: Transcript[] = [
  ['"thats not fair" at the No Show question is news taken in, never "Sorry, I didn\'t get that"', [
    ['i missed my test yesterday bc my car broke down. can i get a refund?', "There's no refund for a missed appointment"],
    ['thats not fair', all(not("didn't get that"), 'Has the No Show result been posted')],
  ]],
];

const noExceptionKnown: Transcript[] = [
  ['"can i get a doctors note or something" after "too late to change" is told plainly there is nothing on exceptions, never the ADA form', [
    ['my test is tomorrow at 8am and im sick, what do i do', 'can no longer be changed or cancelled'],
    ['can i get a doctors note or something', all("I don't have anything on exceptions for illness", not('ADA'))],
  ]],
];

const saidOnce: Transcript[] = [
  ['"i need to submit my work experience" says once that the certificate waits for it (the lead and the body said it twice)', [
    ['i need to submit my work experience', all('is delayed until your work experience is reviewed and approved', not('It does not have to be submitted'))],
  ]],
  ['"does that hold up my certificate?" after it leads with the delay, never the three weeks alone', [
    ['i need to submit my work experience', 'Submit your work experience form'],
    ['does that hold up my certificate?', /^A certificate arrives about three weeks after your test date, and it is delayed until your work experience is reviewed and approved/],
  ]],
];

const cancelledByOthers: Transcript[] = [
  ['"prometric cancelled it on their end because of a snow storm" is the closed-centre gap, never a change whose date has passed', [
    ['hey so i had my A1 test scheduled for last friday but prometric cancelled it on their end because of a snow storm. do i lose my money??', all("I don't have what happens when a test center closes", not('has already passed'))],
  ]],
];

const aTestNamedAlone: Transcript[] = [
  ['"A4" alone after two answers is the test said back with what can be asked about it, never "I don\'t know that one"', [
    ['i need to move my test and also whats the retake wait if i fail', '30 full days'],
    ['A4', all(/^A4 \(Suspension and Steering\): what would you like to know/, not("don't know that one"))],
  ]],
  ['"A4", then "i failed it yesterday": the retest is about A4 ("it"), worked out at once', [
    ['A4', /what would you like to know/],
    ['i failed it yesterday', all('You can buy A4 again on or after', not('Which test'))],
  ]],
  ['"A4", then "when does it expire? i passed it in june 2022": A4\'s expiry, not a "Did you mean"', [
    ['A4', /what would you like to know/],
    ['when does it expire? i passed it in june 2022', all('Your A4 certification expires in June 2027', not('Did you mean'))],
  ]],
  ['"A4", then a task about another test named: that test', [
    ['A4', /what would you like to know/],
    ['i failed A5 yesterday', all('You can buy A5 again on or after', not('A4'))],
  ]],
  ['"A4" alone in Spanish is asked back in Spanish', [
    ['hola, tengo una pregunta', /pregunta/],
    ['A4', /^A4: ¿qu[eé] le gustar[ií]a saber/],
  ]],
];

const whatNext: Transcript[] = [
  ['"what do i need to take" right after the account\'s Master answer is that answer again (A6\'s recertification), never the general recertification answer', [
    [signIn, 'ASE ID'],
    [demo3, 'signed in'],
    ['am i still master?', 'Passing the recertification test for A6 reinstates it'],
    ['what do i need to take', all('Passing the recertification test for A6 reinstates it', not('Take the Recertification Test once five years'))],
  ]],
  ['"what about G1?" right after the account\'s Master answer is G1\'s own certification, never "you hold Master status"', [
    [signIn, 'ASE ID'],
    [demo3, 'signed in'],
    ['am i still master?', 'suspended'],
    ['what about G1?', all('G1 (Auto Maintenance and Light Repair)', not('you hold Master'))],
  ]],
  ['"am i still a master tech, my G1 expired" names no lapse of a test Master status requires', [
    ['am i still a master tech, my G1 expired', all(not('you hold Master'), not('G1 lapsed'))],
  ]],
  ['"what do i need to take" with nothing from the account before it is no account answer', [
    ['what do i need to take', not('reinstates')],
  ]],
];

transcriptTables(
  [
    ['"what do i need to take" right after the account\'s answer asks that answer again', whatNext],
    ['a test named alone is asked about, not "not understood"', aTestNamedAlone],
    ['an appointment cancelled by Prometric or the centre is no change the candidate asks for', cancelledByOthers],
    ['what a facet\'s lead says is not said again, and a delay asked about is the delay answered', saidOnce],
    ['a doctor\'s note or an exception, which the FAQ does not name, is an honest gap', noExceptionKnown],
    ['"that\'s not fair" after hard news takes it in', newsTakenIn],
    ['"how would i check" asks how to answer the question on the table', howToCheck],
    ['two clauses joined by "and also" that one entry answers are answered by it', twoSentencesOneEntry],
    ['a move said beside a certificate question brings the address rule first', aMoveBesideTheCertificate],
    ['"what date is that" asks for the last answer again', saidAgain],
    ['a person asked for in texting shorthand ("talk 2 some1") is a person asked for', aPersonAskedForInShorthand],
    ['the facts a message gives are worked out, whatever else it could be read as', theFactsGiven],
    ['signed in, one appointment pointed at ("the A4 one", "the second one", "la de frenos") is answered from the account', oneOfMyAppointments],
    ['a task reads the test its own verb names ("failed A2"), not the first one in the message', theTestTheVerbNames],
    ['an expiry the candidate gives is said back as given', aStatedExpiryStands],
    ['a date the message says is an appointment\'s ("scheduled it for") is never a purchase', anAppointmentIsNoPurchase],
    ['a date the message says is a purchase ("bought it 2 weeks ago") is never the appointment', aPurchaseIsNoAppointment],
    ['the date a question asks about ("does it expire today?") is no second pass date', theDateAskedAbout],
    ['a date ahead ("next month") is no failure, and a test never scheduled is the 90-day window', aheadIsNoFailure],
  ],
  { now: new Date('2026-12-07T17:00:00Z') },
);
