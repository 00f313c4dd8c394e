import { describe, expect, it } from 'vitest';
import { asksForPerson, detectCommand, stripGreeting, type Command } from '../../src/understanding/commands.js';

// [the whole message, the command it is]
const commands: Array<[string, Command]> = [
  ['hi', 'greeting'],
  ['can someone from ase call me back', 'callUs'],
  ['can someone from ase call me', 'callUs'],
  ['ugh. is there anybody i can call', 'callUs'],
  ['who do i call', 'callUs'],
  ["what's ase's phone number?", 'callUs'],
  ['what is the phone number for prometric', 'callUs'],
  ['prometric phone number?', 'callUs'],
  ['alguien me puede llamar?', 'callUs'],
  ['call me', 'person'],
  ['hello there', 'greeting'],
  ['Good morning!', 'greeting'],
  ['thanks', 'thanks'],
  ['thank you so much', 'thanks'],
  ['ok thanks', 'thanks'],
  ['perfect, thanks', 'thanks'],
  ['bye', 'goodbye'],
  ['see ya', 'goodbye'],
  ["that's all", 'goodbye'],
  ['what can you do?', 'capabilities'],
  ['menu', 'capabilities'],
  ['help', 'help'],
  ['?', 'help'],
  // Asking what the bot meant is asking for help with its question, never a new FAQ question.
  ['what do you mean', 'help'],
  ['what do you mean by that?', 'help'],
  ['i dont understand', 'help'],
  ['qué quiere decir?', 'help'],
  ['no entiendo', 'help'],
  ['can you help me please', 'help'],
  ['hola, pueden ayudarme?', 'help'],
  ['¿me podría ayudar?', 'help'],
  ['alguien me puede ayudar', 'help'],
  ['buenas', 'greeting'],
  ['what do i do', 'help'],
  ['cancel', 'cancel'],
  ['never mind', 'cancel'],
  ['nvm', 'cancel'],
  ['forget it', 'cancel'],
  ["I'm done", 'cancel'],
  ['stop that', 'cancel'],
  ['start over', 'startOver'],
  ['restart', 'startOver'],
  ['sign in', 'signIn'],
  ['log me in', 'signIn'],
  ['sign out', 'signOut'],
  ['unlink my account', 'signOut'],
  ['agent', 'person'],
  ['a real person please', 'person'],
  ['customer service', 'person'],
  ['call me', 'person'],
  ['talk to a person', 'person'],
  ['are you a real person?', 'identity'],
  ['are you a bot', 'identity'],
  ['r u a bot?', 'identity'],
  ['am I talking to a bot?', 'identity'],
  ['is this a real person', 'identity'],
  ['are you human or a bot?', 'identity'],
  ['I want to talk to a person', 'person'],
  ['i wanna speak to someone', 'person'],
  ['speak with a live agent', 'person'],
  ['human', 'person'],
  ['representative please', 'person'],
  ['operator', 'person'],
  ['chat with somebody', 'person'],
  ['I need to talk to a human', 'person'],
  ['i would like to speak with a representative', 'person'],
  ['an agent please', 'person'],
  ['can I speak to someone please', 'person'],
  ['get me a real person', 'person'],
  ['I want a human', 'person'],
  ['say that again', 'repeat'],
  ['Repeat', 'repeat'],
  ['repeat that', 'repeat'],
  ['so what date is that', 'repeat'],
  ['how would i check', 'help'],
  ['¿cómo lo reviso?', 'help'],
  ['which day was that again?', 'repeat'],
  ['come again?', 'repeat'],
  ['what was the question', 'repeat'],
  ['what did you ask?', 'repeat'],
  ['sorry?', 'repeat'],
  ['pardon', 'repeat'],
  ['Pardon?', 'repeat'],
  ['huh?', 'repeat'],
  ['can you repeat that please', 'repeat'],
];

// Messages that are questions, not commands: matching is on the whole message.
const notCommands: string[] = [
  'can i call prometric to reschedule my test',
  'did someone call me about my results',
  'cancel my test',
  'how do I reschedule?',
  'hi, how do I reschedule?',
  'sorry',
  'sorry, I meant A4',
  'can you repeat the rules for retakes',
  'what was the question about my A5 test',
  'can a person take the test twice?',
  'the person at the test centre was rude',
  'are you open on saturday',
  'is this right',
];

describe('detectCommand', () => {
  it.each(commands)('reads %j as %j', (text, command) => {
    expect(detectCommand(text)).toBe(command);
  });

  it.each(notCommands)('does not read %j as a command', (text) => {
    expect(detectCommand(text)).toBeNull();
  });

  it('names the module and the bad value', () => {
    expect(() => detectCommand(42 as unknown as string)).toThrow('understanding/commands: text must be a string, got 42');
  });
});

describe('asksForPerson', () => {
  it.each([
    'I got my results but my certificate never came. talk to a person',
    'can I speak to someone please',
    'I want a human',
    'let me talk to an agent',
    'connect me with customer service',
    'I need to call someone at ASE',
    'get me a real person',
    'I’d like to speak with customer service please',
    'my certificate is wrong, I need a person',
    'this is useless, transfer me to an agent',
    'how do I talk to a human?',
    'agent',
    'customer service',
    'Could you ask someone at ASE whether my work experience form was approved?',
    '¿Puedo hablar con una persona?',
    'necesito un agente por favor',
    'agent please, my card ending 4111 1111 1111 1111 was charged twice',
    'I was charged twice for A5. human please',
    'representative now, this is the third time',
  ])('finds a request for a person in %j', (text) => {
    expect(asksForPerson(text)).toBe(true);
  });

  it.each([
    'can a person take the test twice?',
    'does a human grade the test',
    'how do I call Prometric',
    'my agent said I could retake it',
    'the person at the test centre was rude',
    'do I need to call someone to reschedule?',
    'I tried to talk to someone at the centre but they were closed',
    'I need someone to sign my form',
    "the person's name on my certificate is wrong",
    'when is my A5 test',
    'are you a real person?',
    'r u a bot or a human',
    // asked, then taken back in the same message
    'I need to cancel my test, can you get me a human? actually nevermind, how do I get a refund',
    'talk to a person... no wait, forget it',
    'can you ask me the questions again',
    'the person please tell me what to bring',
    'does the agent please explain the results at the center',
  ])('finds no request for a person in %j', (text) => {
    expect(asksForPerson(text)).toBe(false);
  });

  it('names the module and the bad value', () => {
    expect(() => asksForPerson(null as unknown as string)).toThrow('understanding/commands: text must be a string, got null');
  });
});

describe('stripGreeting', () => {
  it.each([
    ['hi, how do I reschedule?', 'how do I reschedule?'],
    ['Hello there! when is my test', 'when is my test'],
    ['hi', 'hi'],
    ['history of ASE', 'history of ASE'],
  ])('turns %j into %j', (text, expected) => {
    expect(stripGreeting(text)).toBe(expected);
  });
});
