import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../src/channels/reply.js';
import { shortAnswer } from '../src/knowledge/faqEntry.js';
import { isAsked, turnFacts, type AskedSlot, type SlotSpec, type TaskDeps, type TaskSpec, type TurnFacts } from './taskTypes.js';

const WATERFALL = 'task';
const PROMPT = 'slot';
/** What the prompt returns when the candidate could not be understood twice in a row. */
const GAVE_UP = '\u0000gave-up';

export interface TaskOptions {
  /** The message that started the task: slots found in it are not asked again. */
  text?: string;
  /** The general answer was already given (the task was offered after a FAQ answer). */
  answeredGenerally?: boolean;
}

export interface TaskResult {
  task: string;
  outcome: string;
  /** What the task answered, for the record staff see if the candidate is handed over. */
  answer?: string;
}

interface StepState<Values> {
  values: Partial<Values>;
  /** A clarifying question found in the first message, asked in place of the plain question. */
  clarify: Partial<Record<string, Reply>>;
}

interface PromptOptionsState {
  slot: string;
  /** The values so far, so the validator reads and re-asks in context (the waterfall's are not visible to it). */
  values: Record<string, unknown>;
  /** Values of the choices last offered, so "2" or "the second one" picks one. */
  choices: string[];
}

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth'];

/** "2", "#2", "the second one", "2nd" -> that choice's value; anything else unchanged. */
function pickChoice(text: string, choices: string[]): string {
  const cleaned = text.trim().toLowerCase().replace(/[.!?]+$/, '');
  const digit = /^(?:#|option |number )?(\d)(?:st|nd|rd|th)?$/.exec(cleaned)?.[1];
  const word = /^(?:the )?(first|second|third|fourth|fifth)(?: one)?$/.exec(cleaned)?.[1];
  const index = digit ? Number(digit) - 1 : word ? ordinals.indexOf(word) : -1;
  return choices[index] ?? text;
}

/**
 * One guided task as a ComponentDialog: fill each slot (from the first message where it already
 * says them, else one question at a time), then answer. A question asked mid-task that the FAQ can
 * answer is answered, and the task question asked again; two answers in a row that make no sense
 * end in an offer of a person rather than a third try.
 */
export class TaskDialog<Values extends object> extends ComponentDialog {
  constructor(
    readonly spec: TaskSpec<Values>,
    private readonly deps: TaskDeps,
  ) {
    super(spec.id);
    const steps = [this.readFirstMessage.bind(this), ...spec.slots.flatMap((slot) => this.slotSteps(slot)), this.finish.bind(this)];
    this.addDialog(new TextPrompt(PROMPT, this.validate.bind(this)));
    this.addDialog(new WaterfallDialog(WATERFALL, steps));
    this.initialDialogId = WATERFALL;
  }

  help(): string {
    return this.spec.help(this.deps);
  }

  /** Does this text give the task anything to work with? Used to take up a task the bot offered. */
  findsSomethingIn(text: string, facts: TurnFacts): boolean {
    const values: Partial<Values> = {};
    return this.spec.slots.some((slot) => slot.read(text, facts, this.deps, values, false).kind !== 'none');
  }

  /** Does this text answer one of the task's own questions (a date, say), not just name a test? */
  answersAQuestionIn(text: string, facts: TurnFacts): boolean {
    const values: Partial<Values> = {};
    return this.spec.slots.some((slot) => isAsked(slot) && slot.read(text, facts, this.deps, values, false).kind !== 'none');
  }

  /** The task's general answer: its own, or the first paragraph of its FAQ entry. */
  private general(): Reply | undefined {
    if (this.spec.general) return this.spec.general(this.deps);
    const entry = this.deps.lookup(this.spec.faqEntry);
    return entry ? { text: shortAnswer(entry) } : undefined;
  }

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    await context.sendActivity(this.deps.render(reply, context));
  }

  private state(step: WaterfallStepContext): StepState<Values> {
    return step.values as StepState<Values>;
  }

  private async readFirstMessage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    state.values = {};
    state.clarify = {};
    const options = (step.options as TaskOptions | undefined) ?? {};
    const facts = turnFacts(step.context);
    const assumptions: string[] = [];
    for (const slot of this.spec.slots) {
      if (slot.notFromFirstMessage) continue;
      // Taken up after an offer, the text answers the offer's question ("which tests have lapsed?").
      const reading = slot.read(options.text ?? '', facts, this.deps, state.values, Boolean(options.answeredGenerally));
      if (reading.kind === 'value') {
        (state.values as Record<string, unknown>)[slot.name] = reading.value;
        if (reading.assumed && reading.echo) assumptions.push(reading.echo);
      } else if (reading.kind === 'clarify') state.clarify[slot.name] = reading.question;
    }
    // Answer first: never answer a question with only a question. When the task must still ask for
    // something (or clarify it), the general rule comes before the question.
    const mustAsk = this.spec.slots.some(
      (slot) =>
        isAsked(slot) &&
        (state.values as Record<string, unknown>)[slot.name] === undefined &&
        (!slot.needed || slot.needed(state.values)),
    );
    const general = this.general();
    if (mustAsk && !options.answeredGenerally && general) await this.send(step.context, general);
    // "I bought it December 20" said in February is last year's: say so rather than assume silently.
    if (assumptions.length) await this.send(step.context, { text: assumptions.join(' ') });
    return step.next();
  }

  private slotSteps(slot: SlotSpec<Values> | AskedSlot<Values>) {
    const ask = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      const { values, clarify } = this.state(step);
      const has = (values as Record<string, unknown>)[slot.name] !== undefined;
      if (has || !isAsked(slot) || (slot.needed && !slot.needed(values))) return step.next();
      const question = clarify[slot.name] ?? slot.ask(values, this.deps);
      return step.prompt(PROMPT, {
        prompt: this.deps.render(question, step.context),
        validations: {
          slot: slot.name,
          values: values as Record<string, unknown>,
          choices: (question.choices ?? []).map((choice) => choice.value),
        } satisfies PromptOptionsState,
      });
    };
    const store = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      if (step.result === undefined) return step.next();
      if (step.result === GAVE_UP) {
        const m = this.deps.messages;
        if (!this.deps.handsOver) await this.send(step.context, { text: m.task.gaveUp, choices: [{ title: m.talkToPerson, value: m.talkToPerson }] });
        return step.endDialog({ task: this.spec.id, outcome: 'gave-up' } satisfies TaskResult);
      }
      const { values } = this.state(step);
      const reading = slot.read(String(step.result), turnFacts(step.context), this.deps, values, true);
      // (The validator already turned "2" into the choice's value.)
      if (reading.kind === 'value') {
        (values as Record<string, unknown>)[slot.name] = reading.value;
        if (reading.echo) await this.send(step.context, { text: reading.echo });
      }
      return step.next();
    };
    return [ask, store];
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { values } = this.state(step);
    const { reply, outcome } = this.spec.answer(values as Values, turnFacts(step.context), this.deps);
    await this.send(step.context, reply);
    return step.endDialog({ task: this.spec.id, outcome, answer: reply.text } satisfies TaskResult);
  }

  private async validate(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const context = prompt.context;
    const options = prompt.options.validations as PromptOptionsState;
    const text = pickChoice((prompt.recognized.value ?? '').trim(), options.choices ?? []);
    prompt.recognized.value = text;
    const { slot: slotName, values: raw } = options;
    const values = raw as Partial<Values>;
    const slot = this.spec.slots.find((s): s is AskedSlot<Values> => s.name === slotName && isAsked(s));
    if (!slot) throw new Error(`dialogs/${this.spec.id}: unknown slot "${slotName}"`);
    const state = prompt.state as { invalid?: number };
    const facts = turnFacts(context);
    const reading = slot.read(text, facts, this.deps, values, true);
    if (reading.kind === 'value') return true;
    if (reading.kind === 'clarify') {
      // The new question's choices are the ones a number now refers to (the options are kept in dialog state).
      options.choices = (reading.question.choices ?? []).map((choice) => choice.value);
      await this.send(context, reading.question);
      return false;
    }
    const m = this.deps.messages;
    const faq = text ? this.deps.faq.decide(text) : undefined;
    if (faq?.kind === 'answer') {
      const question = slot.ask(values, this.deps);
      await this.send(context, { text: faq.entry.answer });
      await this.send(context, { ...question, text: `${m.task.backToIt} ${question.text}` });
      return false;
    }
    state.invalid = (state.invalid ?? 0) + 1;
    if (state.invalid >= 2) {
      prompt.recognized.value = GAVE_UP;
      return true;
    }
    const question = slot.ask(values, this.deps);
    await this.send(context, { ...question, text: `${m.task.didNotGetIt} ${question.text}` });
    return false;
  }
}
