/** The languages the assistant speaks. English is the default and the fallback. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** 'es-MX', 'es', 'es_US' -> 'es'; 'en-US' -> 'en'; anything else (or nothing) -> undefined. */
export function languageOfLocale(locale: unknown): Language | undefined {
  if (typeof locale !== 'string') return undefined;
  const primary = /^([a-z]{2,3})(?:[-_]|$)/i.exec(locale.trim())?.[1]?.toLowerCase();
  return isLanguage(primary) ? primary : undefined;
}
