import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { KnowledgeError } from './loadFaq.js';

/** A question people ask that the FAQ does not answer: recognising it beats a wrong confident answer. */
export const outOfScopeSchema = z
  .object({
    topics: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          phrasings: z.array(z.string().min(3)).min(3),
          /**
           * Words that name something outside ASE testing ("birth certificate", "GRE"): a question
           * holding one is this topic whatever the scores, unless it also names ASE (see domain.yaml).
           */
          cues: z.array(z.string().min(2)).optional(),
          /**
           * Cues that hold even beside the name ASE: another body that is also called ASE (the
           * American Society of Echocardiography's registry), where "ASE" is no sign of ours.
           */
          cuesBesideAse: z.array(z.string().min(2)).optional(),
          /**
           * Phrases beside which this topic's cues are no sign of something else: a driver's license
           * "as ID at the test center", or "is a passport ok", is the question of what ID to bring.
           */
          cuesYieldTo: z.array(z.string().min(2)).optional(),
          /**
           * The candidate's own test said outright ("missed my test", "missed my exam"): beside these
           * the cues are no sign of something else ("my kid was in the hospital and i missed my
           * exam"), but another body's test or appointment named is still one ("missed my
           * appointment with the dentist").
           */
          cuesYieldToOwn: z.array(z.string().min(2)).optional(),
          /**
           * What the topic is about, in words no FAQ entry answers ("password", "salary", "calculator"):
           * a question holding one that this topic matched and the best entry did not is this topic's,
           * when the topic scores within reach of that entry (`rivalRatio`).
           */
          subject: z.array(z.string().min(2)).optional(),
          reply: z.string().min(10),
        })
        .strict(),
    ),
  })
  .strict();

export type OutOfScopeTopic = z.infer<typeof outOfScopeSchema>['topics'][number];

/** Known gaps in one language: out-of-scope.yaml, or its Spanish twin out-of-scope.es.yaml. */
export async function loadOutOfScope(knowledgeDir: string, language: 'en' | 'es' = 'en'): Promise<OutOfScopeTopic[]> {
  const file = path.join(knowledgeDir, language === 'es' ? 'out-of-scope.es.yaml' : 'out-of-scope.yaml');
  // Optional: a knowledge base without known gaps is still valid.
  const data = await readOptionalYaml(file, outOfScopeSchema);
  if (!data) return [];
  const ids = new Set<string>();
  for (const topic of data.topics) {
    if (ids.has(topic.id)) throw new KnowledgeError(`${file}: topics: duplicate id "${topic.id}"`);
    ids.add(topic.id);
  }
  return data.topics;
}

/** What says a question is about ASE testing: knowledge/domain.yaml. */
export const domainSchema = z
  .object({
    /** Words of the domain: one of them (or a test code) in a question lets it be answered with confidence. */
    words: z.array(z.string().min(2)).min(10),
    /** Names that say ASE even beside a cue for something else ("ASE", "myASE"). */
    names: z.array(z.string().min(2)).min(1),
    /**
     * Someone else's thing: ASE shares these nouns with every other organisation (a test, an
     * appointment, a certificate, a licence, results, a refund). A word the knowledge base never
     * uses right before one ("my *dentist* appointment", "the *CDL permit* test") says whose it is:
     * the question is declined with `topic`'s reply, unless it names ASE or a test code.
     */
    otherThings: z
      .object({
        topic: z.string().min(2),
        objects: z.array(z.string().min(2)).min(1),
        /** Everyday words that qualify one of those nouns without naming another thing ("my *upcoming* test"). */
        modifiers: z.array(z.string().min(2)),
        /** Words after such a noun and "for", "on"... that say for whom or where, not whose ("my results for my *boss*", "my address on *file*"). */
        notOwners: z.array(z.string().min(2)),
        /**
         * The people a candidate asks for ("mi hermano", "mis alumnos"): no owner, since their ASE test is still ASE's, but
         * whose thing it is may follow them ("el examen de mi hermano *para la policía*").
         */
        people: z.array(z.string().min(2)).optional(),
        /**
         * The words after such a noun that lead to whose it is, and the determiners that may follow
         * them; English ("with", "for", "from", "on", "at"; "the", "my"...) unless given. Spanish names
         * the owner after the noun: "la cita *con el* dentista", "el examen *de* manejo".
         */
        after: z.array(z.string().min(1)).optional(),
        determiners: z.array(z.string().min(1)).optional(),
        /** Words that lead to whose it is only with a determiner after them: "la cita *en el* consulado" (but "la cita en Hialeah" is where). */
        afterDetermined: z.array(z.string().min(1)).optional(),
        /** Those of the nouns whose owner is the very next word: "maestro *albañil*", "master *plumber*". */
        rightAfter: z.array(z.string().min(2)).optional(),
        /** How many words after those may name the owner (3 unless given: "patches for my kids scout uniform"). */
        ownerSpan: z.number().int().min(1).max(3).optional(),
        /** How many words before such a noun may name the owner (3 unless given: "my *CDL permit* test"; 0 in Spanish, which names it after). */
        ownerSpanBefore: z.number().int().min(0).max(3).optional(),
        /** An owner written as no entry writes it is one, though its stem is the entries' ("el examen de *manejo*"; they say "manejar"). */
        ownerAsWritten: z.boolean().optional(),
        /** Places whose trade or owner follows "de" ("la escuela *de cocina*", "la academia *de policía*"), with `ownerAsWritten`. */
        ofWhom: z.array(z.string().min(2)).optional(),
        /**
         * A name in capitals that no entry, domain word or ASE test uses ("el *GED*", "mi cita en
         * *USCIS*", "la licencia *CDL*") names another body: the question is someone else's thing.
         */
        namesInCapitals: z.boolean().optional(),
        /** Capitals that are no such name: states' and territories' abbreviations, chat shorthand. */
        notNames: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .optional(),
    /**
     * Names of ASE's tests and subjects in this language that no entry uses ("frenos", "suspensión"):
     * ASE's words, so never a sign of someone else's thing (the catalogue's English names are added).
     */
    known: z.array(z.string().min(2)).optional(),
    /** Set by the loader from the catalogue: each test code's names ("X1": Exhaust Systems, undercar...). */
    testNames: z.array(z.object({ code: z.string().min(2), names: z.array(z.string().min(2)) }).strict()).optional(),
    /**
     * Test codes (and names of a test series) that only one entry is about, by entry id: "L1", "X1",
     * "the L tests" are the Advanced Level entry's. When the ranking is unsure (a "Did you mean" or
     * not known), a question naming one is offered that entry first, unless another entry's own
     * subject is in it ("I failed the L1": the retest). A question naming only other codes ("the G1")
     * is not that entry's first.
     */
    codeOwners: z.record(z.string().min(2), z.array(z.string().min(2)).min(1)).optional(),
  })
  .strict();

/**
 * The domain as the answerer reads it: domain.yaml, and `known`, the words of the test catalogue
 * (test names and aliases: "engine repair" and "brakes" are ASE's, though no FAQ entry says them).
 */
export type Domain = z.infer<typeof domainSchema>;

/** The domain words, or undefined when the knowledge base has no domain.yaml (no anchoring then). */
export async function loadDomain(knowledgeDir: string, language: 'en' | 'es' = 'en'): Promise<Domain | undefined> {
  return readOptionalYaml(path.join(knowledgeDir, language === 'es' ? 'domain.es.yaml' : 'domain.yaml'), domainSchema);
}

/** A YAML file checked against `schema`; undefined when the file is not there. Problems name the file. */
export async function readOptionalYaml<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new KnowledgeError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const reasons = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new KnowledgeError(`${file}: ${reasons.join('; ')}`);
  }
  return result.data;
}
