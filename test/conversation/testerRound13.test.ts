import { all, demo1, demo2, demo3, not, signIn, transcriptTables, type Transcript } from './suite.js';

// The thirteenth usability round: a tester played about a hundred conversations against `npm start`
// as candidates who never saw the code, then fixed what harmed them most. Each finding is written
// here as the rule it broke. The clock is the tester's: Sunday, December 6, 2026, noon in New York.

const countedFromADay: Transcript[] = [
  ['"a week from monday" is December 14, still movable, never tomorrow and "no longer"', [
    ['can i reschedule my test', 'Tell me the date of your appointment'],
    ['a week from monday', all('Monday, December 14, 2026', 'Yes, you can still change or cancel it', not('no longer'))],
  ]],
  ['"the monday after next" is December 14 too', [
    ['my test is the monday after next, can i move it', all('Monday, December 14, 2026', 'Yes, you can still change or cancel it')],
  ]],
  ['"two weeks from today" is December 20, never today', [
    ['can i cancel my appointment', 'Tell me the date of your appointment'],
    ['two weeks from today', all('Sunday, December 20, 2026', not('An appointment today'))],
  ]],
  ['"a week from tomorrow" is December 14', [
    ['my exam is a week from tomorrow can i change it', 'Monday, December 14, 2026'],
  ]],
];

const dashedDates: Transcript[] = [
  ['"12-15" at "When is your appointment?" is December 15, never "I don\'t know that one"', [
    ['can i reschedule my test', 'Tell me the date of your appointment'],
    ['12-15', all('Tuesday, December 15, 2026', not("I don't know that one"))],
  ]],
  ['"my appt is 12-15 at 8am can i cancel" is worked out with its time, not asked again', [
    ['my appt is 12-15 at 8am can i cancel', all('Tuesday, December 15, 2026 at 8:00 AM', 'Saturday, December 12, 2026 at 8:00 AM', not('When is your appointment?'))],
  ]],
  ['"in 2-3 days" is no date', [
    ['can i reschedule my test', 'Tell me the date of your appointment'],
    ['in 2-3 days', all(not(/(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), /), 'more than three days away')],
  ]],
];

const profileNotAppointment: Transcript[] = [
  ['"i need to change my date of birth" is the profile-change answer, never "When is your appointment?"', [
    ['i need to change my date of birth', all('Profile Change Form', not('When is your appointment?'))],
  ]],
  ['"necesito cambiar mi fecha de nacimiento en mi perfil" is the Spanish profile-change answer', [
    ['necesito cambiar mi fecha de nacimiento en mi perfil', all('Profile Change Form', not(/¿Cu[aá]ndo es su cita\?/))],
  ]],
  ['"necesito cambiar mi direccion y mi nombre" is asked back between the address and the profile, never the appointment', [
    ['necesito cambiar mi direccion y mi nombre', all(/^Quiero asegurarme/, not(/¿Cu[aá]ndo es su cita\?/))],
  ]],
  ['"quiero cambiar la fecha de mi examen" is still a change of appointment', [
    ['quiero cambiar la fecha de mi examen', /D[ií]game la fecha de su cita|¿Cu[aá]ndo es su cita\?/],
  ]],
  ['"can i change my test date" is still a change of appointment', [
    ['can i change my test date', /When is your appointment\?|Tell me the date of your appointment/],
  ]],
];

const missedAhead: Transcript[] = [
  ['"what happens if i just dont show up" while a change waits says a missed appointment is a No Show, and offers no purchase-date task: "dec 21" next is never read as a purchase that expired', [
    ['can i reschedule', 'Tell me the date of your appointment'],
    ['what happens if i just dont show up', all(/^If you miss your appointment, the test is scored as No Show/, not('Tell me the date you bought your test'))],
    ['dec 21', all('Monday, December 21, 2026', not('expired'))],
  ]],
  ['"que pasa si no me presento" is told the same in Spanish', [
    ['que pasa si no me presento', all(/^Si falta a su cita, el examen se califica como No Show/, not('fecha en que compró'))],
  ]],
];

const fromTheAccount: Transcript[] = [
  ['signed in with only a G1 result, "did i pass A5" is told there is no A5 result yet, never that the account has no results', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['did i pass A5', all(/^There's no A5 \(Brakes\) result on your account yet/, not('no test results on your account'))],
  ]],
  ['"what about G1" after "did i pass A5" was answered from the account is G1\'s result, never "I don\'t know that one"', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['did i pass A5', 'no A5 (Brakes) result'],
    ['what about G1', all(/G1 \(Auto Maintenance and Light Repair\): passed/, not("I don't know that one"))],
  ]],
  ['"what about A5" after "can i cancel my A4" was answered from the account is A5\'s appointment, not the general rule', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['can i cancel my A4', 'can no longer be changed or cancelled'],
    ['what about A5', all(/A5 \(Brakes\)/, 'Monday, December 14, 2026', not('You can, as long as your appointment'))],
  ]],
  ['"and when does A4 expire?" after "did i pass A5" is a question of its own, never A4\'s result', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['did i pass A5', 'no A5 (Brakes) result'],
    ['and when does A4 expire?', all(/A4/, not('result on your account'))],
  ]],
  ['a test named after something else was answered is read afresh', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['did i pass A5', 'no A5 (Brakes) result'],
    ['how much is a duplicate certificate', '$7.50'],
    ['what about G1', not(/G1 \(Auto Maintenance and Light Repair\): passed/)],
  ]],
  ['"what do i need to do" after the account says Master status is suspended is read as about Master status, never "I don\'t know that one"', [
    [signIn, 'ASE ID'],
    [demo3, 'signed in'],
    ['am i still master', 'suspended'],
    ['what do i need to do', all(/Master (?:Automobile Technician )?status/, not("I don't know that one"))],
  ]],
  ['"how do i fix that" after the account says the certificate waits on work experience is the work-experience answer, never a guess at the profile form', [
    [signIn, 'ASE ID'],
    [demo2, 'signed in'],
    ['where is my certificate for A1', 'work experience'],
    ['how do i fix that', all(/work experience/, not('Profile Change Form'), not('not sure I understood'))],
  ]],
];

const dayWords: Transcript[] = [
  ['"took the test on the thirtieth, results?" is the results date worked out, never "I can only help with ASE certification tests"', [
    ['took the test on the thirtieth, results?', all('Monday, November 30, 2026', not('I can only help with ASE'))],
  ]],
  ['"took my test on the fifth when are results up" is read the same way', [
    ['took my test on the fifth when are results up', all('Saturday, December 5, 2026', not('I can only help with ASE'))],
  ]],
];

const annoyed: Transcript[] = [
  ['"this bot is useless" is said sorry to, with a person offered, never "I don\'t know that one"', [
    ['this bot is useless', all(/^Sorry I haven't been much help/, 'talk to a person', not("I don't know that one"))],
  ]],
  ['"youre not helping" is said sorry to, never a guess at the ADA entry', [
    ['youre not helping', all(/^Sorry I haven't been much help/, not('ADA'))],
  ]],
  ['"ugh" while a date is asked for is said sorry to, then the question again', [
    ['when can i retake A5', 'What date did you take A5?'],
    ['ugh', all(/^Sorry I haven't been much help/, 'What date did you take A5?')],
  ]],
  ['"ugh, how do i cancel" is still the question', [
    ['ugh, how do i cancel', all('Cancel Test', not("Sorry I haven't been much help"))],
  ]],
  ['"wow that sucks" after the no-refund answer is about the rule, not the bot: never "Sorry I haven\'t been much help"', [
    ['what happens if i miss my appointment', 'No Show'],
    ['wow that sucks', all(/^I'm sorry, I know that's not the answer you hoped for/, 'talk to a person', not("Sorry I haven't been much help"), not('Arriving late'))],
  ]],
  ['"esto no sirve para nada" is said sorry to in Spanish', [
    ['esto no sirve para nada', all(/^Perdone que no le haya ayudado mucho/, 'hablar con una persona')],
  ]],
];

const oneWordOfSubstance: Transcript[] = [
  ['"i have 1 year" after the work-experience answer is about the experience it asks for, never the recertification answer', [
    ['do i need work experience', 'work experience'],
    ['i have 1 year', all(/work experience/, not('Recertification Test'))],
  ]],
];

const someoneToCheck: Transcript[] = [
  ['"can someone check on it for me" after the work-experience answer is a request for a person, never the same paragraph again', [
    ['i passed A1 three weeks ago and still no certificate', 'three weeks'],
    ['can someone check on it for me', all(/member of ASE support staff to join/, not('It is best to submit your work experience form'))],
  ]],
  ['"will a human look at my work experience form or is it automatic?" asks how ASE works: never a handoff', [
    ['will a human look at my work experience form or is it automatic?', not(/member of ASE support staff to join/)],
  ]],
  ['"can a person take the test twice" is still a question', [
    ['can a person take the test twice', not(/member of ASE support staff to join/)],
  ]],
];

const noIdButADate: Transcript[] = [
  ['"i dont have my ase id, its on the 20th" at sign-in over the change offer works out the 20th, never drops it', [
    ['can i cancel my test', 'Tell me the date of your appointment'],
    [signIn, 'ASE ID'],
    ['i dont have my ase id, its on the 20th', all('help you find your ASE ID', 'Sunday, December 20, 2026', not('What would you like to know?'))],
  ]],
  ['"i forgot my ase id, my dob is 3/4/1985" at sign-in over the retest: where to find the ID, and the birth date never reaches the task', [
    ['i failed A5, when can i retake it', 'What date did you take A5?'],
    [signIn, 'ASE ID'],
    ['i forgot my ase id, my dob is 3/4/1985', all('ASE ID', not("didn't get that"), not('1985'))],
  ]],
  ['"i dont have my ase id" alone still leaves sign-in and asks what to answer', [
    ['can i cancel my test', 'Tell me the date of your appointment'],
    [signIn, 'ASE ID'],
    ['i dont have my ase id', 'What would you like to know?'],
  ]],
];

const cancelNotMove: Transcript[] = [
  ['"cancel my appointment on 12/20 and schedule it for january" is a move: told how to move it, never to cancel the test', [
    ['i need to cancel my appointment on 12/20 and schedule it for january', all('To move it', not('Cancel Test option'))],
  ]],
  ['"quiero cancelar mi cita del 20 de diciembre y agendar otra para enero" is a move in Spanish too', [
    ['quiero cancelar mi cita del 20 de diciembre y agendar otra para enero', not(/Cancel Test|Cancelar examen/)],
  ]],
  ['"need 2 cancel my appt on 12/20" is told how to cancel it (and the test, for the refund), not how to move it', [
    ['need 2 cancel my appt on 12/20 pls', all('Yes, you can still change or cancel it', 'To cancel it, cancel the appointment first, then the test itself with the Cancel Test option', not('To move it'))],
  ]],
  ['"actually i want to cancel my test instead" while "12/10: which date?" waits is never "yes: noted.", and the answer then says how to cancel', [
    ['can i move my test on 12/10', 'Which date did you mean?'],
    ['actually i want to cancel my test instead', all('Which date did you mean?', not('noted'))],
    ['Thursday, December 10, 2026', 'To cancel it, cancel the appointment first'],
  ]],
  ['"my test is dec 20 can i move it" is still told how to move it', [
    ['my test is dec 20 can i move it', all('To move it, cancel the existing appointment first', not('To cancel it'))],
  ]],
  ['"quiero cancelar mi examen del 20 de diciembre" is told how to cancel it in Spanish', [
    ['quiero cancelar mi examen del 20 de diciembre', all('Para cancelarla', 'Cancel Test', not('Para moverla'))],
  ]],
];

transcriptTables(
  [
    ['a count of days or weeks from a day ("a week from monday", "the monday after next") is counted from that day', countedFromADay],
    ['a month and day written with a dash ("12-15") is read as with a slash', dashedDates],
    ['a missed appointment still ahead is a No Show, and no purchase date is asked for it', missedAhead],
    ['an answer from the account is about what was asked, and its subject is the context of the next question', fromTheAccount],
    ['a day of the month in words ("on the thirtieth") names which day, not whose test', dayWords],
    ['annoyance with the bot itself ("this is useless", "ugh") is said sorry to and a person offered, never "I don\'t know that one"', annoyed],
    ['a statement of one word of substance after an answer ("i have 1 year") is read in its light', oneWordOfSubstance],
    ['"can someone check on it" asks for a person, as "talk to a person" does', someoneToCheck],
    ['no ASE ID, but the date the task beneath asked for: the task goes on with it', noIdButADate],
    ['asked to cancel, not to move, the deadline comes with how to cancel', cancelNotMove],
    ['changing a profile\'s date of birth, address or name is no change of appointment, in either language', profileNotAppointment],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
