/**
 * Conversation-level intents that work from anywhere, whatever dialog is running: small talk,
 * help, cancel, start over, repeat and asking for a person. Matching is on the whole message
 * (after trimming greetings and punctuation) so "cancel my test" is a question, not the "cancel"
 * command. Asking for a person is the one exception worth finding inside a longer message too
 * ("my certificate never came. talk to a person"): see asksForPerson.
 */

import { normalise } from './normalise.js';

const MODULE = 'understanding/commands';
export type Command =
  | 'greeting'
  | 'thanks'
  | 'goodbye'
  | 'capabilities'
  /** "what's your name", "who are you", "¿cómo te llamas?": what the bot is (an automated assistant for ASE candidates) and what it can do. */
  | 'aboutMe'
  | 'identity'
  | 'help'
  | 'cancel'
  | 'startOver'
  | 'person'
  | 'signIn'
  | 'signOut'
  | 'repeat'
  /** "ok back to my question": the last task's answer again (after a question in between). */
  | 'backToQuestion'
  /** "can someone from ASE call me back?", "is there anybody I can call": the phone numbers, and a person offered. */
  | 'callUs'
  /** "I have a question", "can I ask you something": a question announced, not asked yet. */
  | 'askAway'
  /** "this is useless", "you're not helping", "ugh": said sorry to, and a person offered (a button), never queued unasked. */
  | 'frustrated'
  /** "hey u there", "are you still there?", "¿sigue ahí?": a presence check, answered that the bot is here. */
  | 'presence';

const whole = (alternatives: string): RegExp => new RegExp(`^(?:${alternatives})$`, 'i');

// ---- asking for a person: one pattern source for the command and for asksForPerson ------------

/** Who a candidate asks for: "a person", "a real human", "someone", "customer service". */
const SOMEONE = String.raw`(?:(?:a|an|some|the|a real|an actual|a live|a human|your) )?(?:(?:real|live|actual|human) )?(?:person|human being|human|agent|someone|somebody|some one|representative|rep|operator|staff member|member of staff|customer service(?: rep(?:resentative)?| agent)?|customer support|support team|support staff|supervisor|manager)(?! ?')`;

/**
 * A request to reach a person, wherever it stands in the message. Each alternative needs a verb
 * of asking ("talk to", "connect me with", "get me", "I want"): a person as the subject of a
 * question ("can a person take the test twice?", "does a human grade it") or of a story ("the
 * person at the test centre was rude", "my agent said") is not a request.
 */
const PERSON_REQUEST = [
  // "talk to a person", "can I speak with someone", not "I tried to talk to someone at the centre"
  String.raw`(?<!\b(?:tried|trying|try|already|did|have|had) to )(?:talk|speak|chat) (?:to|with) ${SOMEONE}`,
  // "connect me with customer service", "transfer me to an agent", "put me through to someone"
  String.raw`(?:connect|transfer|put|patch|pass|send) me (?:through )?(?:to|with) ${SOMEONE}`,
  // "get me a real person", "give me a human", "can I (just) get a human please"
  String.raw`(?:get|give|find) me ${SOMEONE}`,
  String.raw`\b(?:can|could|may) (?:i|we) (?:just |please )?(?:get|have|see) ${SOMEONE}(?= please| now| asap|$|[.,!;?])`,
  // "can a person help me, like an actual human": someone asked to help *me*, or a real human insisted on
  String.raw`\b(?:person|human|someone|somebody|agent) (?:help|assist) me\b`,
  String.raw`\b(?:an? )?(?:actual|real|live) (?:human|person)\b(?! (?:grade|score|check|read|mark)s?\b)`,
  // "I want a human", "I need to talk to someone", "I'd like a person please" (not "I need someone to sign")
  String.raw`\bi (?:want|need|would like|'d like|wanna|want to) (?:to (?:talk|speak|chat) (?:to|with) )?${SOMEONE}(?= please| now| asap|$|[.,!;])`,
  // "I need to call someone at ASE": a phone call with a person, said as a wish, not asked about
  String.raw`(?:^|[.,;!]\s*|\b(?:so|and|but|just|please) )i (?:need|want|would like|'d like|have) to (?:call|phone|ring) ${SOMEONE}`,
  // "could you ask someone at ASE whether my form was approved?": only a person can find out
  String.raw`\b(?:can|could|would|will) you (?:please )?(?:ask|check with|have) ${SOMEONE}`,
  // "can someone check on it for me", "could somebody look into my case": only a person can look.
  // Not "will a human look at my form or is it automatic?", "can a person check it or is it a
  // computer?": a person as the subject of a question about how ASE works.
  String.raw`\b(?:can|could) (?:someone|somebody|some one|someone from ase|somebody from ase|someone at ase|anyone|anybody) (?:please |just )?(?:check (?:on|into)|look (?:into|at)|follow up on|check) (?:it|this|that|them|my (?:case|form|application|account|certificate|cert|work experience|status))\b(?!(?: \w+){0,3},? or\b)`,
  // "agent please, my card was charged twice": a person named and asked for at the start of a
  // sentence, with "please" or "now" ("the agent please explain" is not one: the word must end the clause)
  String.raw`(?:^|[.,;!?]\s*)(?:(?:an?|a real|a live) )?(?:live |real )?(?:agent|human|representative|rep|operator|person|customer service|supervisor)[,]? (?:please|pls|plz|now|asap)(?=$|[.,;!?])`,
  // Spanish: "¿puedo hablar con una persona?", "quiero un agente" (the handoff says in English who answers)
  String.raw`\bhablar con (?:una persona|alguien|un agente|un humano|un representante|una agente)\b|\b(?:quiero|necesito) (?:una persona|un agente|un humano|un representante)\b`,
].join('|');

/** "... get me a human? actually nevermind": the request taken back later in the message. */
const TAKEN_BACK = /\b(?:never ?mind|nvm|forget (?:it|that|about it)|scratch that|no need)\b/;

/** The whole-message forms: "agent", "a real person please", "customer service", "call me". */
const PERSON_ALONE = String.raw`(?:please |por favor )?(?:(?:i (?:want|need|would like|'d like|wanna|have)|let me|can i|could i|may i) (?:to )?|(?:quiero|necesito|quisiera|me gustar[ií]a|puedo|podr[ií]a|se puede) )?(?:${PERSON_REQUEST})(?: please| now| por favor| ahora)?|(?:a |an )?(?:live )?(?:agent|human|representative|rep|operator|real person|person)(?: please)?|call me|customer service|talk to a person`;

const PERSON_ANYWHERE = new RegExp(PERSON_REQUEST, 'i');

// ---- a phone call --------------------------------------------------------------------------------

/**
 * Asked for a phone call or a number to call, not for a chat: "can someone from ase call me back",
 * "is there anybody i can call", "who do i call", "what's ASE's phone number". The bot cannot place a
 * call; it gives the numbers the FAQ gives and offers a person in the chat.
 */
const CALLER = String.raw`(?:someone|somebody|some one|anyone|anybody|a person|a human|an agent|a rep|you|u|ase|customer service)`;
const CALL_US = String.raw`(?:(?:ugh|ok|okay|so|hey|um+|well|and|but|hmm+|please|pls|sorry)[.,!]*\s+)*(?:` +
  [
    String.raw`(?:can|could|will|would|is there (?:a way|any way) (?:for|to have)) ${CALLER}(?: (?:from|at|with) (?:ase|customer service|support))?(?: please| just)? (?:call|phone|ring|contact) me(?: back)?(?: (?:please|now|today|asap))?`,
    String.raw`(?:please |pls )?(?:call|phone|ring) me back(?: please)?|i(?:'d| would)? (?:want|like|need) a call ?back|(?:request|get|have) a call ?back`,
    String.raw`is (?:there|their) (?:a |an )?(?:anybody|anyone|someone|somebody|a person|people|(?:phone )?number|somewhere) (?:i|we) (?:can|could) (?:call|phone|ring|talk to)|is (?:there|their) (?:a |an )?(?:phone )?number (?:to|for) (?:call|calling|ase)`,
    String.raw`who (?:can|do|should|could) i (?:call|phone|ring|contact)(?: at ase| about (?:this|it|that))?`,
    // "what is the phone number for prometric", "prometric phone #": the numbers, Prometric's among them.
    String.raw`(?:what(?:'s| is)|whats|wats) (?:the|your|ase'?s|ase|prometric'?s|prometric) (?:phone )?(?:number|#)(?: (?:for|to call|of) (?:ase|you|customer service|support|prometric))?|(?:ase |prometric'?s? )?(?:phone|contact|customer service) (?:number|#|info)(?: (?:for|of) (?:ase|prometric))?`,
    String.raw`how (?:do|can|could) i (?:call|phone|contact|reach) (?:ase|you|someone|somebody|a person|customer service|support)(?: by phone)?`,
    String.raw`(?:alguien (?:me )?puede llamar|me pueden llamar|(?:a )?qui[eé]n (?:puedo|debo) llamar|(?:cu[aá]l es el )?n[uú]mero de tel[eé]fono(?: de ase)?|hay (?:alguien|un n[uú]mero) (?:a quien|al que) (?:pueda|puedo) llamar)`,
  ].join('|') +
  ')';

// ---- repeat -----------------------------------------------------------------------------------

/**
 * "say that again", "come again", "what was the question", "so what date is that": the candidate
 * missed the last message (a date it gave, "you can buy A8 again on or after ...").
 */
const REPEAT = "(?:repite(?:lo)?|rep[ií]telo|rep[ií]tame|(?:puede|puedes) repetir(?:lo)?|otra vez|c[oó]mo\\?|qu[eé] dijiste|qu[eé] dijo)(?: por favor)?|(?:can you |could you |please )?(?:say (?:that|it) again|say again|repeat(?: that| it| the question| yourself)?|come again|what was the question|what(?:'s| is| was) the question again|what did you (?:ask|say)|pardon(?: me)?|huh|what was that|(?:so |ok |okay |and |sorry,? )?(?:what|which) (?:date|day) (?:is|was|'s) (?:that|it)(?: again)?)(?: please)?";

/**
 * "are you a real person?", "am I talking to a bot?", "is this an AI": asked what the bot is, not
 * for a person (the words "a real person" alone would otherwise read as a request for one).
 */
const IDENTITY = String.raw`(?:(?:so|wait|hey|ok|okay|sorry|lol),? )?(?:(?:are|r) (?:you|u)|is this|am i (?:talking|chatting|speaking|texting) (?:to|with)|who am i (?:talking|chatting|speaking|texting) (?:to|with)|is (?:this|it) an?) ?(?:a |an )?(?:real |actual |live )?(?:person|human(?: being)?|bot|robot|chat ?bot|ai|machine|computer|automated(?: assistant| system| reply| message)?|program|people|someone real)?(?:(?: or (?:a |an )?(?:real |actual )?(?:person|human|bot|robot|machine|computer|ai)))?(?: or not)?(?: lol)?`;
const IDENTITY_CHECK = /\b(?:person|human|bot|robot|chat ?bot|ai|machine|computer|automated|program|people|someone real|talking to|chatting with|speaking (?:to|with)|texting)\b/i;

/**
 * "check my account", "can you check my account", "actually can u just look it up": the candidate
 * asks the bot to look in their account, which is signing in (the question on the table is then
 * answered from it).
 */
const LOOK_IT_UP = String.raw`(?:(?:actually|ok|okay|so|well|please),? )?(?:(?:can|could|would|will) (?:you|u) (?:please |just |pls )?|please |just )?(?:check|look (?:in|at|into)|pull up|look up|go into) my (?:account|myase|profile|record|records)|(?:(?:actually|ok|okay|so|well|please),? )?(?:(?:can|could|would|will) (?:you|u) (?:please |just |pls )?|please |just )?(?:look|check) (?:it|that|them) up(?: for me| in my account)?(?: please)?`;

/**
 * Annoyance with the bot itself, and nothing asked: "this is useless", "you're not helping",
 * "ugh", "this bot sucks", "esto no sirve". A question said crossly ("ugh, how do I cancel") is
 * still the question: only the whole message counts. "that sucks", "that is awful" after an answer
 * are about what the answer said (no refund, a wait), not about the bot: not this.
 */
const FRUSTRATED = String.raw`(?:(?:ugh+|omg|wow|man|dude|seriously|come on|smh|wtf|ok|okay|so|well),? )*(?:ugh+|argh+|smh|ffs|(?:this|it|you|u|this bot|the bot|this chat|this thing)(?:'s| is| are|'re| r)? (?:so |really |totally |completely |pretty |kinda |just )?(?:useless|pointless|worthless|stupid|dumb|terrible|awful|garbage|trash|a waste of time|no help|not helpful|unhelpful|annoying|frustrating|ridiculous)|(?:you|u|this bot|the bot|this chat|this thing) (?:sucks?|doesn'?t help|don'?t help|(?:is|are|'?re|r) not help(?:ing|ful)|(?:is|are|'?re|r)n'?t help(?:ing|ful))|(?:you|u)(?:'re| are| r|re) not (?:helping|understanding|listening)|(?:you|u) (?:don'?t|do not|dont) (?:understand|get it)(?: me)?|(?:(?:what an?|such an?|you|u|ur|you'?re|this|stupid|dumb)\s+)?(?:useless|pointless|worthless|stupid|dumb|terrible|awful|bad|worst|crappy|garbage|trash)\s+(?:bot|chat ?bot|chat|assistant|robot|ai|machine|thing)|not helpful|no help at all|(?:this is|that'?s|so) frustrating|i'?m (?:so )?(?:frustrated|annoyed|fed up)|esto no sirve(?: para nada)?|no (?:me )?(?:est[aá]s?|est[aá]) ayudando|no sirves?(?: para nada)?|no entiendes|qu[eé] in[uú]til|in[uú]til)(?: (?:lol|smh|ugh+|at all|man|dude|bro))?`;

const rules: Array<[Command, RegExp]> = [
  ['identity', whole(IDENTITY)],
  ['callUs', whole(CALL_US)],
  ['person', whole(PERSON_ALONE)],
  ['repeat', whole(REPEAT)],
  ['backToQuestion', whole("(?:(?:ok|okay|so|anyway|anyways|alright|right),? )*(?:(?:going|getting|let'?s go|can we go|go) )?back to (?:my|the) (?:earlier |original |first |other |last |previous )?question|volv(?:iendo|amos) a mi pregunta|regres(?:ando|emos) a mi pregunta")],
  ['signOut', whole("sign ?out|log ?out|log me out|sign me out|forget me|unlink(?: my account)?|cerrar (?:la )?sesi[oó]n|salir de (?:mi|la) cuenta")],
  // "sign in pls", "please log me in", "quiero iniciar sesión por favor": politeness around it is still the command.
  ['signIn', whole(`(?:(?:please|pls|plz|por favor),? )?(?:(?:(?:ok|okay|hmm+|um+|so|alright),? )?(?:let me|i(?:'d| would) like to|i want to|i'll) (?:sign|log) ?in|sign ?in|log ?in|sign me in|log me in|verify me|link my account|connect my account|${LOOK_IT_UP}|iniciar (?:la )?sesi[oó]n|inicio de sesi[oó]n|entrar (?:a|en) mi cuenta|ver mi cuenta|quiero (?:iniciar sesi[oó]n|entrar))(?:,? (?:please|pls|plz|por favor))?`)],
  ['startOver', whole('start over|restart|start again|reset|begin again|from the top|empezar de nuevo|empecemos de nuevo|volver a empezar|comenzar de nuevo|reiniciar|desde el principio')],
  ['cancel', whole("cancel|cancel (?:that|this|it)|stop that|never ?mind|nvm|forget (?:it|that|this)|quit|exit|back to the bot|i'?m done|cancelar|cancela(?:lo)?|olv[ií]dalo|d[eé]jalo|volver al bot|ya no|salir")],
  ['help', whole('help|help me|can you help(?: me)?|(?:can|could) (?:you|u) help(?: me)?(?: please)?|\\?+|i need help|what do i do|how does this work|what (?:can|should|do) i (?:say|type|answer)|what do you (?:need|want)(?: from me)?|(?:so |ok |okay |but |and )?(?:how|where) (?:would|do|can|could|should) i (?:check|tell|find out|know|look|see)(?: (?:that|it|this|for (?:that|it)))?(?: online)?|c[oó]mo (?:lo )?(?:reviso|verifico|compruebo|s[eé])|d[oó]nde (?:lo )?(?:veo|reviso)|what do (?:you|u) mean(?: by that)?|what does that mean|what(?:\'s| is) that mean|i don\'?t (?:understand|get it)(?: what you mean)?|(?:i )?need (?:some )?help with (?:my|the|an?) (?:ase )?(?:tests?|exams?|certifications?)|(?:can|could) (?:you|u) help me with (?:my|the|an?) (?:ase )?(?:tests?|exams?)|(?:necesito|ocupo|quiero) (?:un poco de )?ayuda con (?:mi|el|un|mis|los) (?:examen(?:es)?|pruebas?|certificaci[oó]n)|ay[uú]dame con (?:mi|el) examen|(?:me )?(?:puede|puedes|pueden) ayudar con (?:mi|el) examen|ayuda|qu[eé] (?:quiere|quieres) decir(?: con eso)?|no (?:le |te )?entiendo(?: qu[eé] (?:quiere|quieres) decir)?|ay[uú]dame|necesito ayuda|(?:alguien )?(?:me )?(?:puede|puedes|pueden|podr[ií]a|podr[ií]as|podr[ií]an) ayudar(?:me)?(?: por favor)?|me ayuda(?:s|n)?(?: por favor)?|qu[eé] (?:hago|debo (?:decir|escribir)|tengo que (?:decir|escribir)|puedo (?:decir|escribir|preguntar|responder))|c[oó]mo funciona(?: esto)?')],
  ['capabilities', whole("(?:so |ok |okay )?what (?:can|do|else can) (?:you|u) do|what can i ask(?: you)?|what can you help (?:me )?with|what do you (?:know|help with)|menu|options|qu[eé] (?:puedes|puede) hacer|qu[eé] (?:haces|hace)|qu[eé] (?:te|le) puedo preguntar|men[uú]|opciones|en qu[eé] (?:me )?(?:puedes|puede) ayudar")],
  // "whats ur name" was a guess at the results entry, "como te llamas" "I can't answer that".
  ['aboutMe', whole("(?:(?:so|and|hey|hi|ok|okay|um+|btw),? )?(?:what(?:'s| is|s| r| are)? (?:your|ur|yo|you) name|what (?:do|should|can) i call (?:you|u)|do (?:you|u) have a name|(?:and )?who (?:are|r) (?:you|u)(?: exactly| anyway)?|what (?:are|r) (?:you|u)(?: exactly)?|c[oó]mo te llamas|c[oó]mo se llama(?: usted)?|cu[aá]l es (?:tu|su) nombre|qui[eé]n eres(?: t[uú])?|qui[eé]n es usted|tienes nombre|qu[eé] eres)")],
  // Said before the question itself: the FAQ read "I have a question" as the missed-questions entry.
  ['askAway', whole("(?:(?:hi|hello|hey|ok|okay|so|um+|yes|yeah),? )?(?:i (?:have|got|had) (?:a|one|another|some|a few|a couple(?: of)?|two) (?:quick |small |simple |more )?(?:questions?|q)|(?:quick|one more|another|a) question|(?:can|could|may) i ask (?:you )?(?:a (?:quick )?question|something|a few questions)|question for you|tengo (?:una|otra|unas|algunas|dos) (?:preguntas?|duda|dudas)|(?:una|otra) pregunta|(?:puedo|le puedo|te puedo) (?:hacer|preguntar) (?:una pregunta|algo))(?: please| por favor)?")],
  // "this bot is useless" was "I don't know that one"; "youre not helping" a guess at the ADA entry.
  ['frustrated', whole(FRUSTRATED)],
  // "hey u there" was "Sorry, I don't know that one" (ut21): the greeting in front is stripped first.
  ['presence', whole("(?:(?:hi|hey|hello|yo|um+|so|ok|okay|helloo+),? )?(?:(?:are|r) )?(?:you|u|ya) (?:still )?(?:there|here|around|awake|online)|(?:is )?(?:any(?:one|body)|some(?:one|body)) (?:there|here|home|around)|(?:hello+|hey+),? (?:any(?:one|body)|some(?:one|body))|(?:sigue|sigues|est[aá]|est[aá]s) (?:ah[ií]|ahi|all[ií])|(?:hay )?alguien (?:ah[ií]|ahi|all[ií])|hay alguien")],
  ['greeting', whole("hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|yo|hola|hi there|hello there|hey there|buen(?:os|as) (?:d[ií]as|tardes|noches)|hola,? buen(?:os|as) (?:d[ií]as|tardes|noches)|(?:hola,? )?buenas|qu[eé] tal|saludos")],
  ['thanks', whole("thanks?(?: you)?(?: so much| very much| a lot)?|thx|ty|tysm|thank u|cheers|great,? thanks|ok(?:ay)? thanks?|perfect,? thanks|awesome,? thanks?|gracias|muchas gracias|mil gracias|muy amable|gracias,? (?:muy amable|por (?:todo|la ayuda|su ayuda))")],
  ['goodbye', whole("bye|goodbye|good bye|see ya|see you|later|that'?s all|that is all|bye bye|have a good (?:day|one)|adi[oó]s|chao|chau|hasta luego|hasta pronto|nos vemos|eso es todo|es todo")],
];

function clean(text: string): string {
  return text
    .trim()
    // Spanish opens a question or an exclamation with its own mark: "¿qué puedes hacer?".
    .replace(/^[¿¡]+\s*/, '')
    .replace(/[’‘]/g, "'")
    // Trailing punctuation does not change a command ("what can you do?"), but a lone "?" is a plea for help.
    .replace(/(?<=[^\s?!.,;:])[?!.,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function detectCommand(text: string): Command | null {
  checkText(text);
  // "sorry?" asks to hear it again; "sorry" alone is an apology, so the question mark decides.
  if (/^\s*(?:sorry|what|excuse me)\s*\?+\s*$/i.test(text)) return 'repeat';
  const cleaned = clean(text);
  for (const [command, pattern] of rules) {
    if (pattern.test(cleaned) && (command !== 'identity' || IDENTITY_CHECK.test(cleaned))) return command;
  }
  // "hi, can you check my account": a greeting in front of a command does not hide it.
  const withoutGreeting = stripGreeting(text);
  return withoutGreeting !== text ? detectCommand(withoutGreeting) : null;
}

/**
 * "actually never mind", "no it's fine", "no thanks I'm good", "cancel that": a request for a person
 * taken back. Read only while the candidate waits in the queue (nobody has taken the case yet).
 */
export function takesBackPersonRequest(text: string): boolean {
  checkText(text);
  return TAKE_BACK_ALONE.test(clean(normalise(text)));
}

/**
 * A bare "no" ("no", "nope", "nah"): while waiting in the queue, it may take the request back or
 * answer nothing at all, so the bot asks whether to leave the queue rather than pass it on.
 */
export function bareNo(text: string): boolean {
  checkText(text);
  return /^(?:no+|nope|nah|no no)[\s.!]*$/i.test(clean(normalise(text)));
}

/** "keep waiting", "No, keep waiting", "seguir esperando": stay in the queue (the answer to whether to leave it). */
export function keepsWaiting(text: string): boolean {
  checkText(text);
  return /^(?:no[\s,]+)?(?:(?:i'?ll |i will )?keep waiting|(?:i'?ll |i will )?wait|stay in (?:the )?(?:queue|line)|(?:sigo|seguir|sigo) esperando|espero)[\s.!]*$/i.test(clean(normalise(text)));
}

/**
 * The ways candidates change their mind about a person, one row each: `alone` when the phrase by
 * itself takes the request back ("never mind", "it's fine"), `opens` when it takes it back whatever
 * question follows ("never mind, when do results come out"; "no need" or "it's fine" may open a
 * statement, so they are alone-only). `led`: only after "no", "wait", "actually"... ("no wait, i
 * just need to know how to get a duplicate"; "i just need to know X" alone may be for staff).
 */
const CHANGES_OF_MIND: ReadonlyArray<{ phrase: string; alone?: boolean; opens?: boolean; led?: boolean }> = [
  { phrase: 'never ?mind|nvm|forget (?:it|that|about it)|scratch that|i changed my mind|changed my mind', alone: true, opens: true },
  { phrase: 'cancel (?:that|the request)', alone: true, opens: true },
  { phrase: 'cancel (?:it|this)', alone: true },
  { phrase: 'no importa|olv[ií]dalo|cambi[eé] de opini[oó]n', alone: true, opens: true },
  { phrase: 'olvida eso|d[eé]jalo|mejor no', opens: true },
  // Staying with the bot: "no, mejor sigo contigo", "never mind, I'll keep going with you".
  { phrase: "(?:mejor )?(?:sigo|seguir|contin[uú]o|me quedo) (?:contigo|con usted|con el bot|aqu[ií])|(?:i'?ll |i will |let me |i'?d rather )?(?:just )?(?:keep going|stay|stick|continue|keep chatting|go on) with (?:you|u|the bot)", alone: true, opens: true },
  { phrase: 'ya no(?: hace falta| lo necesito)?|no hace falta|est[aá] bien|no,? gracias', alone: true },
  { phrase: "no need|it'?s (?:fine|ok(?:ay)?|alright|all good)|i'?m (?:good|fine|ok(?:ay)?|all set)|no thanks?(?: you)?|all good|not anymore", alone: true },
  { phrase: "(?:i )?don'?t need (?:one|a person|anyone|someone|a human|to(?: anymore)?)", alone: true },
  { phrase: "i (?:just|only) (?:need|needed|want|wanted|have|had)(?: to (?:know|ask|find out))?|i'?ll just ask (?:you|the bot)|(?:i )?just (?:need|want) to know", opens: true, led: true },
  { phrase: 'solo (?:necesito|quiero|quer[ií]a) saber|s[oó]lo (?:necesito|quiero|quer[ií]a) saber', opens: true, led: true },
];
const phrases = (pick: (row: (typeof CHANGES_OF_MIND)[number]) => boolean | undefined) => CHANGES_OF_MIND.filter(pick).map((row) => row.phrase).join('|');

const TAKE_BACK_ALONE = new RegExp(
  String.raw`^(?:(?:actually|oh|ok|okay|no|nah|nope|wait|sorry|um+|hmm+|bueno|perd[oó]n|ah)[\s,.!]*)*` +
    `(?:${phrases((row) => row.alone)})` +
    String.raw`(?:[\s,.!]+(?:thanks?|thank you|thx|(?:muchas )?gracias|ya no|ya no lo necesito|est[aá] bien|i'?m (?:good|fine|ok(?:ay)?)|it'?s (?:fine|ok(?:ay)?)|i'?ll (?:ask|use) (?:you|the bot)|found it|i figured it out|i got it|actually))*[\s.!]*$`,
  'i',
);

/**
 * "never mind, when do results come out", "olvídalo, cuándo salen los resultados": a request taken
 * back, then a question of its own. Returns the question (null when the message opens with no
 * take-back, or says nothing after it: that one is {@link takesBackPersonRequest}'s).
 */
export function questionAfterTakeBack(text: string): string | null {
  checkText(text);
  if (TAKE_BACK_ALONE.test(clean(normalise(text)))) return null;
  const rest = TAKE_BACK_OPENING.exec(text)?.[1]?.trim();
  return rest && /[\p{L}\d]/u.test(rest) && rest.split(/\s+/).length >= 2 && !TAKE_BACK_ALONE.test(clean(normalise(rest))) ? rest : null;
}

// Only phrases that take something back whatever follows ("no need" or "it's fine" may open a statement).
const LEAD = String.raw`(?:actually|oh|ok|okay|wait|sorry|um+|hmm+|bueno|ah|no|nah)`;
const TAKE_BACK_OPENING = new RegExp(
  String.raw`^\s*(?:(?:${LEAD}[\s,.!]*)*(?:${phrases((row) => row.opens && !row.led)})|(?:${LEAD}[\s,.!]*)+(?:${phrases((row) => row.opens && row.led)}))` +
    String.raw`(?:[\s,.!;:-]+(?:i'?ll (?:just )?ask (?:you|the bot)|mejor le pregunto a usted|then|so|entonces|y))?[\s,.!;:-]+(.+)$`,
  'iu',
);

/**
 * "thats not what i asked, i want to know my score", "eso no es lo que pregunté, quiero saber mi
 * puntaje": the last answer missed, then the question again. Returns the question; the complaint
 * in front only diluted it ("asked", "not" matched nothing, so the bot offered a menu of guesses).
 */
export function questionAfterComplaint(text: string): string | null {
  checkText(text);
  const rest = NOT_WHAT_I_ASKED.exec(text)?.[1]?.trim();
  return rest && /[\p{L}\d]/u.test(rest) && rest.split(/\s+/).length >= 2 ? rest : null;
}

const NOT_WHAT_I_ASKED = new RegExp(
  String.raw`^\s*(?:(?:no|nope|nah|um+|hmm+|ugh|sorry)[\s,.!]*)*` +
    String.raw`(?:(?:that'?s|thats|that is|this is|it'?s|its) not (?:what i (?:asked|meant|wanted|said)|my question|it|right|what i'?m asking)|not what i (?:asked|meant|wanted)|wrong answer|you misunderstood(?: me)?|you (?:didn'?t|did not) (?:understand|get it)|i (?:didn'?t|did not) ask (?:that|about that)|` +
    String.raw`eso no es lo que (?:pregunt[eé]|quer[ií]a|dije)|no es (?:eso|lo que pregunt[eé])|no me entendi[oó]|no pregunt[eé] eso|eso no pregunt[eé])` +
    String.raw`[\s,.!;:-]+(?:(?:i|I) (?:asked|meant)[\s,:]+)?(.+)$`,
  'iu',
);

/** "hi, how do I reschedule?" -> "how do I reschedule?": a greeting in front of a question is not the question. */
export function stripGreeting(text: string): string {
  return text.replace(/^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening)|hola|buen(?:os|as) (?:d[ií]as|tardes|noches)|buenas)(?: there)?[\s,!.-]+(?=\S)/i, '');
}

/**
 * True when the message asks for a human anywhere in it: "I got my results but my certificate
 * never came. talk to a person", "can I speak to someone please", "connect me with customer
 * service". A person mentioned in a question or a story ("can a person take the test twice?",
 * "the person at the test centre was rude", "how do I call Prometric") is not a request.
 */
export function asksForPerson(text: string): boolean {
  checkText(text);
  const command = detectCommand(text);
  if (command === 'person') return true;
  if (command === 'identity') return false;
  const t = normalise(text);
  const asked = PERSON_ANYWHERE.exec(t);
  return asked !== null && !TAKEN_BACK.test(t.slice(asked.index + asked[0].length));
}

function checkText(text: unknown): void {
  if (typeof text !== 'string') {
    let shown: string;
    try {
      shown = JSON.stringify(text) ?? String(text);
    } catch {
      shown = String(text);
    }
    throw new TypeError(`${MODULE}: text must be a string, got ${shown}`);
  }
}
