/**
 * "no contact thanks", "prefiero no dar mi correo": asked out of hours how staff should reach them,
 * the candidate says they would rather not give contact details. One row per way of saying it, in
 * each language; the whole message must say only that (a question beside it is a question).
 */

const ROWS: readonly RegExp[] = [
  // English: "no contact (thanks)", "no email", "no thanks, no phone", "don't contact me".
  /^(?:(?:no|nah|nope|ok|okay|um+|sorry),?\s+)*(?:no|none|without)\s+(?:contact(?:\s+(?:info|information|details))?|e-?mail|phone(?:\s+number)?|number)(?:\s+(?:please|thanks|thank you|needed|for me))*$/,
  /^(?:(?:no|nah|ok|okay|sorry),?\s+)*(?:please\s+)?(?:do not|don'?t|dont)\s+(?:contact|email|call|text)\s+me(?:\s+(?:please|thanks|thank you))*$/,
  /^(?:(?:no|nah|ok|okay|sorry),?\s+)*i(?:'?d| would)?\s+(?:rather|prefer)\s+(?:not|not to)(?:\s+(?:give|share|leave)\s+(?:it|that|my\s+(?:contact(?:\s+(?:info|details))?|e-?mail|phone(?:\s+number)?|number)))?(?:\s+(?:please|thanks|thank you))*$/,
  /^(?:(?:no|nah|ok|okay|sorry),?\s+)*i\s+(?:do not|don'?t|dont)\s+want\s+to\s+(?:give|share|leave)\s+(?:it|that|my\s+(?:contact(?:\s+(?:info|details))?|e-?mail|phone(?:\s+number)?|number)|(?:any\s+)?contact(?:\s+(?:info|details))?)(?:\s+(?:please|thanks|thank you))*$/,
  // Spanish: "prefiero no dar mi correo", "sin contacto", "no quiero dar mi teléfono", "no me contacten".
  /^(?:(?:no|ok|bueno|perdón|perdon),?\s+)*prefiero\s+no\s+(?:dar(?:lo|la)?|compartir(?:lo|la)?|dejar(?:lo|la)?)(?:\s+(?:mi|mis)\s+(?:correo|email|e-?mail|tel[eé]fono|n[uú]mero|contacto|datos)(?:\s+de\s+contacto)?)?(?:\s+gracias)?$/,
  /^(?:(?:no|ok|bueno),?\s+)*no\s+quiero\s+(?:dar(?:lo|la)?|compartir(?:lo|la)?|dejar(?:lo|la)?)(?:\s+(?:mi|mis)\s+(?:correo|email|e-?mail|tel[eé]fono|n[uú]mero|contacto|datos)(?:\s+de\s+contacto)?)?(?:\s+gracias)?$/,
  /^(?:(?:no|ok|bueno),?\s+)*(?:sin\s+(?:contacto|correo|tel[eé]fono)|no\s+me\s+(?:contacten|llamen|escriban))(?:,?\s+gracias)?$/,
];

/** Does the message only decline to give contact details? */
export function declinesContact(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/[.!,;]+$/g, '').replace(/,(?=\S)/g, ', ').replace(/\s+/g, ' ');
  return ROWS.some((row) => row.test(t));
}
