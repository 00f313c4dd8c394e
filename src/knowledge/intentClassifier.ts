import type { FaqEntry } from './faqEntry.js';
import type { OutOfScopeTopic } from './outOfScope.js';
import type { TextPipeline } from './textProcessing.js';
import { seededRandom } from './seededRandom.js';

/**
 * A supervised intent classifier, the way Rasa's default pipeline classifies intents: a bag of
 * words (the index's own terms, one and two in a row) and character 3-5-grams inside each word (so a
 * misspelt word still shares most of its grams with the right one), weighed by a linear classifier
 * trained on the knowledge base's own phrasings. One class per entry (its question, alternates and
 * facets' alternates), and one `outside` class for the known gaps' phrasings (small talk included).
 * Pure and deterministic: the same phrasings and options give the same weights.
 */

/** The class of the phrasings no entry answers (the known gaps, small talk, off-topic). */
export const OUTSIDE = 'outside';

export interface IntentExample {
  text: string;
  label: string;
}

export interface ClassifierOptions {
  /** Multinomial logistic regression (softmax, L2) or complement naive Bayes. */
  model: 'logistic' | 'complement-nb';
  /** Character n-grams inside word boundaries, from `charMin` to `charMax` letters (0 for none). */
  charMin: number;
  charMax: number;
  /** How much the word features weigh beside the character grams (each group is scaled to unit length). */
  wordWeight: number;
  /** Logistic regression: passes over the examples, the step, the L2 penalty and the shuffle's seed. */
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Complement naive Bayes: the additive smoothing. */
  alpha: number;
}

export const defaultClassifierOptions: ClassifierOptions = {
  model: 'logistic',
  charMin: 3,
  charMax: 5,
  wordWeight: 1,
  epochs: 6,
  learningRate: 0.5,
  l2: 1e-4,
  seed: 13,
  alpha: 0.3,
};

export interface IntentScore {
  label: string;
  probability: number;
}

/** The training examples a knowledge base holds: each entry's phrasings under its id, every known gap's under `outside`. */
export function examplesOf(entries: readonly FaqEntry[], outOfScope: readonly OutOfScopeTopic[]): IntentExample[] {
  return [
    ...entries.flatMap((entry) => [entry.question, ...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)].map((text) => ({ text, label: entry.id }))),
    ...outOfScope.flatMap((topic) => topic.phrasings.map((text) => ({ text, label: OUTSIDE }))),
  ];
}

/** A sparse feature vector: feature numbers and their values. */
interface Sparse {
  ids: number[];
  values: number[];
}

export class IntentClassifier {
  private constructor(
    readonly labels: readonly string[],
    private readonly vocabulary: Map<string, number>,
    /** Feature-major: weights[f * labels + c]. */
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    private readonly text: TextPipeline,
    private readonly options: ClassifierOptions,
  ) {}

  static train(examples: readonly IntentExample[], text: TextPipeline, options: ClassifierOptions = defaultClassifierOptions): IntentClassifier {
    if (!examples.length) throw new Error('intentClassifier: no examples to train on');
    const labels = [...new Set(examples.map((example) => example.label))].sort();
    const labelOf = new Map(labels.map((label, i) => [label, i]));
    const vocabulary = new Map<string, number>();
    // Each example's features are worked out once: the vocabulary grows as they are read.
    const rows = examples.map((example) => {
      const features = featureNames(example.text, text, options);
      for (const feature of features.keys()) if (!vocabulary.has(feature)) vocabulary.set(feature, vocabulary.size);
      return { x: scaled(features, options, vocabulary), y: labelOf.get(example.label)! };
    });
    const k = labels.length;
    const weights = new Float64Array(vocabulary.size * k);
    const bias = new Float64Array(k);
    if (options.model === 'complement-nb') trainComplementNb(rows, k, vocabulary.size, options, weights, bias);
    else trainLogistic(rows, k, options, weights, bias);
    return new IntentClassifier(labels, vocabulary, weights, bias, text, options);
  }

  /** Every class with its probability (a softmax of the linear scores), the likeliest first. */
  predict(question: string): IntentScore[] {
    const { ids, values } = vectorOf(question, this.text, this.options, this.vocabulary);
    const k = this.labels.length;
    const scores = Float64Array.from(this.bias);
    for (let i = 0; i < ids.length; i++) {
      const base = ids[i]! * k;
      const v = values[i]!;
      for (let c = 0; c < k; c++) scores[c]! += this.weights[base + c]! * v;
    }
    const probabilities = softmax(scores);
    return this.labels.map((label, c) => ({ label, probability: probabilities[c]! })).sort((a, b) => b.probability - a.probability);
  }
}

/**
 * A question's features and their counts: `w:` an index term, `b:` two terms in a row, `c:` a
 * character gram of a word written as typed (with `<` and `>` at its ends).
 */
function featureNames(question: string, text: TextPipeline, options: ClassifierOptions): Map<string, { group: 'word' | 'char'; count: number }> {
  const features = new Map<string, { group: 'word' | 'char'; count: number }>();
  const add = (name: string, group: 'word' | 'char') => {
    const known = features.get(name);
    if (known) known.count++;
    else features.set(name, { group, count: 1 });
  };
  const tokens = text.tokenize(question);
  const terms = tokens.map((token) => text.processTerm(token)).filter((term): term is string => term !== null);
  for (const term of terms) add(`w:${term}`, 'word');
  for (let i = 1; i < terms.length; i++) add(`b:${terms[i - 1]}_${terms[i]}`, 'word');
  if (options.charMax > 0) {
    for (const token of tokens) {
      const word = `<${token}>`;
      for (let n = options.charMin; n <= options.charMax; n++) for (let i = 0; i + n <= word.length; i++) add(`c:${word.slice(i, i + n)}`, 'char');
    }
  }
  return features;
}

/** The question as the vocabulary's features (unknown ones dropped), each group scaled to unit length. */
function vectorOf(question: string, text: TextPipeline, options: ClassifierOptions, vocabulary: Map<string, number>): Sparse {
  return scaled(featureNames(question, text, options), options, vocabulary);
}

function scaled(features: Map<string, { group: 'word' | 'char'; count: number }>, options: ClassifierOptions, vocabulary: Map<string, number>): Sparse {
  const ids: number[] = [];
  const values: number[] = [];
  const groups: Array<'word' | 'char'> = [];
  for (const [name, { group, count }] of features) {
    const id = vocabulary.get(name);
    if (id === undefined) continue;
    ids.push(id);
    values.push(Math.log1p(count));
    groups.push(group);
  }
  for (const group of ['word', 'char'] as const) {
    let norm = 0;
    for (let i = 0; i < ids.length; i++) if (groups[i] === group) norm += values[i]! ** 2;
    const scale = (group === 'word' ? options.wordWeight : 1) / (Math.sqrt(norm) || 1);
    for (let i = 0; i < ids.length; i++) if (groups[i] === group) values[i]! *= scale;
  }
  return { ids, values };
}

function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += out[c] = Math.exp(scores[c]! - max);
  for (let c = 0; c < scores.length; c++) out[c]! /= sum;
  return out;
}

/** Below this error a class's weights are left as they are for an example. */
const SETTLED = 1e-3;

/**
 * Softmax regression by stochastic gradient descent, the examples shuffled by a seeded generator
 * each pass, the step decaying over the passes; each class weighed by how rare it is (the `outside`
 * class has several times an entry's phrasings). L2 is applied to the weights an example touches.
 */
function trainLogistic(rows: Array<{ x: Sparse; y: number }>, k: number, options: ClassifierOptions, weights: Float64Array, bias: Float64Array): void {
  const random = seededRandom(options.seed);
  const perClass = new Array<number>(k).fill(0);
  for (const { y } of rows) perClass[y]!++;
  const classWeight = perClass.map((n) => rows.length / (k * Math.max(n, 1)));
  const packed = rows.map(({ x, y }) => ({ ids: Int32Array.from(x.ids), values: Float64Array.from(x.values), y }));
  const order = rows.map((_, i) => i);
  const scores = new Float64Array(k);
  const l2 = options.l2;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const step = options.learningRate / (1 + epoch);
    const decay = 1 - step * l2;
    for (const r of order) {
      const { ids, values, y } = packed[r]!;
      const n = ids.length;
      scores.set(bias);
      for (let i = 0; i < n; i++) {
        const base = ids[i]! * k;
        const v = values[i]!;
        for (let c = 0; c < k; c++) scores[c]! += weights[base + c]! * v;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (scores[c]! > max) max = scores[c]!;
      let sum = 0;
      for (let c = 0; c < k; c++) sum += scores[c] = Math.exp(scores[c]! - max);
      const w = classWeight[y]! * step;
      for (let c = 0; c < k; c++) {
        const error = scores[c]! / sum - (c === y ? 1 : 0);
        // A class the example already scores as it should moves its weights by next to nothing:
        // skipping it saves time (the probabilities of most other classes are tiny).
        if (error < SETTLED && error > -SETTLED) continue;
        const g = error * w;
        bias[c]! -= g;
        for (let i = 0; i < n; i++) {
          const at = ids[i]! * k + c;
          weights[at] = weights[at]! * decay - g * values[i]!;
        }
      }
    }
  }
}

/**
 * Complement naive Bayes (Rennie et al. 2003): a class's weight for a feature is minus the log of
 * how much the other classes use it, normalised; the class whose complement fits the question worst wins.
 */
function trainComplementNb(rows: Array<{ x: Sparse; y: number }>, k: number, features: number, options: ClassifierOptions, weights: Float64Array, bias: Float64Array): void {
  const perClass = new Float64Array(features * k);
  const total = new Float64Array(features);
  for (const { x, y } of rows) {
    for (let i = 0; i < x.ids.length; i++) {
      perClass[x.ids[i]! * k + y]! += x.values[i]!;
      total[x.ids[i]!]! += x.values[i]!;
    }
  }
  let all = 0;
  for (const t of total) all += t;
  const classTotal = new Float64Array(k);
  for (let f = 0; f < features; f++) for (let c = 0; c < k; c++) classTotal[c]! += perClass[f * k + c]!;
  for (let c = 0; c < k; c++) {
    const denominator = all - classTotal[c]! + options.alpha * features;
    let norm = 0;
    for (let f = 0; f < features; f++) {
      const w = Math.log((total[f]! - perClass[f * k + c]! + options.alpha) / denominator);
      weights[f * k + c] = w;
      norm += Math.abs(w);
    }
    // The weights are normalised per class, then negated: a complement's fit counts against its class.
    for (let f = 0; f < features; f++) weights[f * k + c] = (-weights[f * k + c]! / norm) * features;
  }
  bias.fill(0);
}
