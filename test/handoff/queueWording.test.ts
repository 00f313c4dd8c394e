import { describe, expect, it } from 'vitest';
import { enHandoff } from '../../src/messages/enHandoff.js';
import { esHandoff } from '../../src/messages/esHandoff.js';

describe('the place in line and the wait, said as a person would', () => {
  it('a wait of one minute is "about a minute", never "1 minutes", first in line or further back', () => {
    expect(enHandoff.queued(1, 1)).toContain("You're next in line; it should be about a minute.");
    expect(enHandoff.queued(5, 1)).toContain("You're number 5 in line; it should be about a minute.");
    expect(enHandoff.queued(5, 1)).not.toMatch(/\b1 minutes\b/);
  });

  it('a longer wait is counted in minutes', () => {
    expect(enHandoff.queued(2, 10)).toContain("You're number 2 in line; it should be about 10 minutes.");
  });

  it('in Spanish too: "más o menos un minuto", never "unos 1 minuto(s)"', () => {
    expect(esHandoff.queued(1, 1)).toContain('Usted es el siguiente; debería tardar más o menos un minuto.');
    expect(esHandoff.queued(3, 1)).not.toMatch(/unos 1 minuto/);
    expect(esHandoff.queued(3, 15)).toContain('Usted es el número 3 en la fila; debería tardar unos 15 minutos.');
  });
});
