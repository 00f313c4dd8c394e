import { describe, expect, it } from 'vitest';
import { englishCatalogueNames, englishSentencesIn } from './englishSentences.js';

// The scan every Spanish transcript ends with: it must see what issue 13 saw, the catalogue's English
// names in a Spanish reply, which the language detector alone passed (a label is too short to read).

describe('the scan for English in Spanish replies', () => {
  it("finds issue 13's reply: a Spanish total over a list labelled with English series names", () => {
    const reply = 'Son $15.00: 2 series de exámenes a $7.50 cada una. Pídalos entrando en myASE.\n- **Automobile & Light Truck:** A1\n- **Medium/Heavy Truck:** T2';
    expect(englishSentencesIn([{ channel: 'webchat', text: reply }])).toEqual([
      'webchat: the catalogue\'s English "Automobile & Light Truck" in: - **Automobile & Light Truck:** A1',
      'webchat: the catalogue\'s English "Medium/Heavy Truck" in: - **Medium/Heavy Truck:** T2',
    ]);
  });

  it('finds a Master status and a test named in English inside a Spanish sentence', () => {
    const found = englishSentencesIn([
      { channel: 'sms', text: 'No: su estatus de Master Automobile Technician esta suspendido porque A6 vencio.' },
      { channel: 'webchat', text: 'Puede comprar A8 (Engine Performance) de nuevo a partir del martes, 8 de abril de 2025.' },
    ]);
    expect(found).toEqual([
      'sms: the catalogue\'s English "Master Automobile Technician" in: No: su estatus de Master Automobile Technician esta suspendido porque A6 vencio.',
      'webchat: the catalogue\'s English "Engine Performance" in: Puede comprar A8 (Engine Performance) de nuevo a partir del martes, 8 de abril de 2025.',
    ]);
  });

  it('passes the same replies with the Spanish names and the bare codes', () => {
    const replies = [
      'Son $15.00: 2 series de exámenes a $7.50 cada una. Pídalos entrando en myASE.\n- **Automóvil/Camioneta Ligera:** A1\n- **Camión Mediano/Pesado:** T2',
      'No: su estatus de Técnico Maestro de Automóvil está suspendido porque A6 venció el viernes, 28 de febrero de 2025.',
      'Puede comprar A8 de nuevo a partir del martes, 8 de abril de 2025.',
    ].map((text) => ({ channel: 'webchat', text }));
    expect(englishSentencesIn(replies)).toEqual([]);
  });

  it('knows every English name of the catalogue, and no Spanish one', () => {
    expect(englishCatalogueNames).toEqual(expect.arrayContaining(['Automobile & Light Truck', 'Master Medium/Heavy Truck Technician', 'Brakes', 'Exhaust Systems']));
    expect(englishCatalogueNames).not.toContain('Camión Mediano/Pesado');
  });
});
