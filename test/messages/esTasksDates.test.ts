import { describe, expect, it } from 'vitest';
import { esTasks } from '../../src/messages/esTasks.js';

// Dates arrive written out as precisely as they are known: a day, a month, or a rough month.
const day = 'sábado, 5 de diciembre de 2026';
const rough = 'alrededor de julio de 2026';
const month = 'julio de 2026';

describe('Spanish task answers with a date known only roughly', () => {
  it('say "desde el" before a day and "desde" alone before a rough month', () => {
    expect(esTasks.retest.canBuyNow('A5', day, 30)).toContain(`desde el ${day}.`);
    expect(esTasks.retest.canBuyNow('A5', rough, 30)).toContain(`desde ${rough}.`);
  });

  it('say "a partir del" before a day and "a partir de" before a month', () => {
    expect(esTasks.retest.canBuyFrom('A5', day, day, 30)).toBe(`Puede comprar A5 de nuevo a partir del ${day}: deben pasar 30 días completos después del ${day}.`);
    expect(esTasks.retest.canBuyFrom('A5', month, rough, 30)).toBe(`Puede comprar A5 de nuevo a partir de ${month}: deben pasar 30 días completos después de ${rough}.`);
  });

  it('say when results are due and when the test was taken without "el" before a month', () => {
    expect(esTasks.results.shouldBeOnline(rough, rough, 3)).toContain(`a más tardar ${rough} (lo tomó ${rough}).`);
    expect(esTasks.results.expectedBy(month, month, 3)).toContain(`a más tardar ${month}:`);
    expect(esTasks.results.expectedBy(month, month, 3)).toContain(`(lo tomó en ${month}).`);
    expect(esTasks.results.expectedBy(day, day, 3)).toContain(`a más tardar el ${day}:`);
  });

  it('say the last day to test without "el" before a month', () => {
    expect(esTasks.purchase.open(month, 10)).toMatch(/^Tiene hasta julio de 2026 para/);
    expect(esTasks.purchase.expired(month)).toMatch(/^Venció después de julio de 2026:/);
    expect(esTasks.purchase.expired(day)).toMatch(/^Venció después del sábado/);
  });
});
