// Spanish conversations seen going wrong in earlier sessions and left alone, each fixed as a class
// (a phrase rule, a known gap, a facet's alternates, a task's list rule) and kept here as a
// transcript over the production wiring, on Web Chat and SMS. Every Spanish reply is then scanned
// for English sentences. The clock: Thursday, March 20, 2025, 11:00 in New York.

import { describe, expect, it } from 'vitest';
import { englishSentencesIn } from '../support/englishSentences.js';
import { all, not, type Turn } from '../support/conversation.js';
import { spanishTranscripts } from './suite.js';

/** A Spanish sentence as either channel writes it: with its accents (Web Chat) or without á í ó ú (SMS). */
function es(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/[áa]/g, '[aá]').replace(/[íi]/g, '[ií]').replace(/[óo]/g, '[oó]').replace(/[úu]/g, '[uú]'));
}

type Table = Array<[string, Turn[]]>;

/** The account details' known gap (e-mail, phone, two accounts): not an answer to making an account. */
const accountDetailsGap = es('No tengo los pasos para cambiar su correo electrónico');
const accountCreateGap = all(es('No tengo los pasos para crear una cuenta de myASE'), es('visite myASE para empezar'), not(accountDetailsGap));

const makingAnAccount: Table = [
  ['"cómo creo mi cuenta de myASE" is the honest gap for making an account (it was the e-mail and phone gap)', [
    ['cómo creo mi cuenta de myASE', accountCreateGap],
  ]],
  ['"como hago una cuenta en myase" is the same gap', [
    ['como hago una cuenta en myase', accountCreateGap],
  ]],
  ['"registrarme en la pagina" is signing up on the site: the same gap (it was the registration fees)', [
    ['registrarme en la pagina', all(accountCreateGap, not(es('Usted paga la tarifa de cada examen')))],
  ]],
  ['"abrí otra cuenta en myase" is still two accounts, the account details\' gap', [
    ['abrí otra cuenta en myase sin querer', accountDetailsGap],
  ]],
];

/** certificate-delivery's not-arrived facet: its lead names the move and the new address. */
const notArrived = es('si se mudó después del examen, debe avisar a ASE de su nueva');

const movedAndNoCertificate: Table = [
  ['"me mudé y el certificado nunca llegó" is the certificate not arrived, naming the new address (it was only the address change)', [
    ['me mudé y el certificado nunca llegó', notArrived],
  ]],
  ['"nos cambiamos de casa y todavía no recibo mi certificado" is the same facet', [
    ['nos cambiamos de casa y todavía no recibo mi certificado', notArrived],
  ]],
  ['"me mudé, ¿cómo cambio mi dirección?" is still the address change', [
    ['me mudé, ¿cómo cambio mi dirección?', all(es('Actualice su dirección entrando en myASE'), not(notArrived))],
  ]],
];

describe('Spanish conversations from earlier sessions, through the production wiring', () => {
  const { run, replies } = spanishTranscripts();

  it.each(makingAnAccount)('%s', (_name, turns) => run(turns, ['webchat', 'sms']));
  it.each(movedAndNoCertificate)('%s', (_name, turns) => run(turns, ['webchat', 'sms']));

  it('no English sentence reaches these Spanish conversations (every reply above, sentence by sentence)', () => {
    expect(replies.length).toBeGreaterThan(5);
    expect(englishSentencesIn(replies)).toEqual([]);
  });
});
