/**
 * Conversation-level intents that work from anywhere, whatever dialog is running: small talk,
 * help, cancel, start over and asking for a person. Matching is on the whole message (after
 * trimming greetings and punctuation) so "cancel my test" is a question, not the "cancel" command.
 */
export type Command =
  | 'greeting'
  | 'thanks'
  | 'goodbye'
  | 'capabilities'
  | 'help'
  | 'cancel'
  | 'startOver'
  | 'person'
  | 'signIn'
  | 'signOut';

const whole = (alternatives: string): RegExp => new RegExp(`^(?:${alternatives})$`, 'i');

const rules: Array<[Command, RegExp]> = [
  ['person', whole("(?:i (?:want|need|would like|wanna) (?:to )?)?(?:talk|speak|chat) (?:to|with) (?:a |an |some)?(?:person|human|agent|someone|somebody|representative|rep|real person|live agent)|(?:a |an )?(?:live )?(?:agent|human|representative|rep|operator|real person|person)(?: please)?|call me|customer service|talk to a person")],
  ['signOut', whole("sign ?out|log ?out|log me out|sign me out|forget me|unlink(?: my account)?")],
  ['signIn', whole("sign ?in|log ?in|sign me in|log me in|verify me|link my account|connect my account|check my account")],
  ['startOver', whole('start over|restart|start again|reset|begin again|from the top')],
  ['cancel', whole("cancel|stop that|never ?mind|nvm|forget it|quit|exit|back to the bot|i'?m done")],
  ['help', whole('help|help me|can you help(?: me)?|(?:can|could) (?:you|u) help(?: me)?(?: please)?|\\?+|i need help|what do i do|how does this work')],
  ['capabilities', whole("what can you do|what do you do|what can i ask(?: you)?|what are you|who are you|what can you help (?:me )?with|menu|options")],
  ['greeting', whole("hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|yo|hola|hi there|hello there|hey there")],
  ['thanks', whole("thanks?(?: you)?(?: so much| very much| a lot)?|thx|ty|tysm|thank u|cheers|great,? thanks|ok(?:ay)? thanks?|perfect,? thanks|awesome,? thanks?")],
  ['goodbye', whole("bye|goodbye|good bye|see ya|see you|later|that'?s all|that is all|bye bye|have a good (?:day|one)")],
];

function clean(text: string): string {
  return text
    .trim()
    .replace(/[’‘]/g, "'")
    // Trailing punctuation does not change a command ("what can you do?"), but a lone "?" is a plea for help.
    .replace(/(?<=[^\s?!.,;:])[?!.,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function detectCommand(text: string): Command | null {
  const cleaned = clean(text);
  for (const [command, pattern] of rules) if (pattern.test(cleaned)) return command;
  return null;
}

/** "hi, how do I reschedule?" -> "how do I reschedule?": a greeting in front of a question is not the question. */
export function stripGreeting(text: string): string {
  return text.replace(/^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening))(?: there)?[\s,!.-]+(?=\S)/i, '');
}
