import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/conversation/reply.js';
import type { TeamsScope } from '../../../src/channels/teams/incoming.js';
import {
  ADAPTIVE_CARD_SCHEMA,
  TEAMS_MAX_SUGGESTED_ACTIONS,
  renderTeams,
  teamsCard,
  teamsMarkdown,
} from '../../../src/channels/teams/renderTeams.js';
import { renderDefault } from '../../../src/channels/render.js';
import { withTeamsRendering } from '../../../src/channels/teams/index.js';
import { ADAPTIVE_CARD, adaptiveCard, buttonsOf, teamsMessage } from './teamsKit.js';

const context = (scope: TeamsScope) => ({ activity: teamsMessage('question', { scope }) as Activity });

const clarify: Reply = {
  text: 'Did you mean one of these?',
  choices: [
    { title: 'How do I get a duplicate certificate?', value: 'How do I get a duplicate certificate?' },
    { title: 'None of these', value: 'None of these' },
  ],
};
const answer: Reply = {
  text: 'Order a duplicate certificate by logging in to your myASE account.',
  suggestions: [{ title: 'When will I get my certificate?', value: 'When will I get my certificate?' }],
  source: { title: 'ASE Frequently Asked Questions', date: '2022-09-20' },
};
const withFacts: Reply = {
  text: 'Duplicates cost $7.50 per test series.',
  facts: [
    { label: 'Automobile', value: 'A1, A4' },
    { label: 'Medium/Heavy Truck', value: 'T2' },
  ],
};

describe('renderTeams in a personal chat', () => {
  it('sends Markdown text with the choices as suggested actions and no card', () => {
    const activity = renderTeams(clarify, context('personal'));
    expect(activity.type).toBe('message');
    expect(activity.textFormat).toBe('markdown');
    expect(activity.text).toBe('Did you mean one of these?');
    expect(activity.suggestedActions?.actions).toEqual([
      { type: 'imBack', title: 'How do I get a duplicate certificate?', value: 'How do I get a duplicate certificate?' },
      { type: 'imBack', title: 'None of these', value: 'None of these' },
    ]);
    expect(activity.attachments ?? []).toEqual([]);
  });

  it('puts facts and the source in the text, each on a line Teams will show', () => {
    const activity = renderTeams({ ...withFacts, source: answer.source }, context('personal'));
    expect(activity.text).toBe(
      'Duplicates cost $7.50 per test series.\n\n**Automobile:** A1, A4\n\n**Medium/Heavy Truck:** T2\n\n_Source: ASE Frequently Asked Questions, 2022-09-20_',
    );
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.attachments ?? []).toEqual([]);
  });

  it(`uses a card when there are more buttons than the ${TEAMS_MAX_SUGGESTED_ACTIONS} suggested actions Teams shows`, () => {
    const many: Reply = {
      text: 'Did you mean one of these?',
      choices: ['A', 'B', 'C', 'None of these'].map((t) => ({ title: t, value: t })),
    };
    const activity = renderTeams(many, context('personal'));
    expect(activity.suggestedActions).toBeUndefined();
    expect(buttonsOf(activity).map((b) => b.title)).toEqual(['A', 'B', 'C', 'None of these']);
  });
});

describe.each(['groupChat', 'channel'] as const)('renderTeams in a %s', (scope) => {
  it('sends the text plus an Adaptive Card 1.5 whose buttons are messageBack Action.Submits, and no suggested actions', () => {
    const activity = renderTeams(clarify, context(scope));
    expect(activity.text).toBe('Did you mean one of these?');
    expect(activity.textFormat).toBe('markdown');
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.attachments).toHaveLength(1);
    expect(activity.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD);
    const card = adaptiveCard(activity)!;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: ADAPTIVE_CARD_SCHEMA });
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    expect(buttonsOf(activity)).toEqual([
      {
        type: 'Action.Submit',
        title: 'How do I get a duplicate certificate?',
        data: {
          msteams: { type: 'messageBack', text: 'How do I get a duplicate certificate?', displayText: 'How do I get a duplicate certificate?' },
          text: 'How do I get a duplicate certificate?',
        },
      },
      {
        type: 'Action.Submit',
        title: 'None of these',
        data: { msteams: { type: 'messageBack', text: 'None of these', displayText: 'None of these' }, text: 'None of these' },
      },
    ]);
  });

  it('offers suggestions on the card too, after the choices, and keeps the source in the text', () => {
    const activity = renderTeams({ ...answer, choices: [{ title: 'Talk to a person', value: 'Talk to a person' }] }, context(scope));
    expect(activity.text).toBe(
      'Order a duplicate certificate by logging in to your myASE account.\n\n_Source: ASE Frequently Asked Questions, 2022-09-20_',
    );
    expect(buttonsOf(activity).map((b) => b.title)).toEqual(['Talk to a person', 'When will I get my certificate?']);
    const sets = adaptiveCard(activity)!.body.filter((element) => element.type === 'ActionSet');
    expect(sets[1]).toMatchObject({ separator: true });
  });

  it('puts facts on a FactSet instead of the text', () => {
    const activity = renderTeams(withFacts, context(scope));
    expect(activity.text).toBe('Duplicates cost $7.50 per test series.');
    expect(adaptiveCard(activity)!.body[0]).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Automobile', value: 'A1, A4' },
        { title: 'Medium/Heavy Truck', value: 'T2' },
      ],
    });
    expect(buttonsOf(activity)).toEqual([]);
  });

  it('sends plain text alone when there is nothing for a card', () => {
    const activity = renderTeams({ text: 'Glad to help.' }, context(scope));
    expect(activity).toEqual({ type: 'message', text: 'Glad to help.', textFormat: 'markdown' });
  });

  it('keeps every button, however many (each sits in its own ActionSet)', () => {
    const choices = Array.from({ length: 8 }, (_, i) => ({ title: `Option ${i + 1}`, value: `${i + 1}` }));
    const activity = renderTeams({ text: 'Pick one.', choices }, context(scope));
    expect(buttonsOf(activity).map((b) => b.data.text)).toEqual(choices.map((c) => c.value));
    expect(adaptiveCard(activity)!.body.every((e) => e.type !== 'ActionSet' || e.actions.length === 1)).toBe(true);
  });
});

describe('renderTeams on other channels', () => {
  it('falls back to the default renderer', () => {
    const webchat = { activity: { ...teamsMessage('q'), channelId: 'webchat' } as Activity };
    expect(renderTeams(clarify, webchat)).toEqual(renderDefault(clarify));
  });

  it('withTeamsRendering(fallback) renders Teams turns for Teams and hands every other channel to the fallback', () => {
    const fallback = () => ({ type: 'message', text: 'from the fallback' });
    const render = withTeamsRendering(fallback);
    const teams = context('channel') as Parameters<typeof render>[1];
    const sms = { activity: { ...teamsMessage('q'), channelId: 'sms' } } as Parameters<typeof render>[1];
    expect(render(clarify, teams)).toEqual(renderTeams(clarify, teams));
    expect(render(clarify, sms)).toEqual({ type: 'message', text: 'from the fallback' });
  });
});

describe('teamsMarkdown', () => {
  it('turns single line breaks into paragraphs, since Teams ignores a lone line break', () => {
    expect(teamsMarkdown('First line.\nSecond line.\r\n- a\n- b')).toBe('First line.\n\nSecond line.\n\n- a\n\n- b');
  });

  it('turns headings into bold lines and drops rules', () => {
    expect(teamsMarkdown('## Fees\n---\nIt costs $7.50.')).toBe('**Fees**\n\nIt costs $7.50.');
  });

  it('escapes anything Teams would read as an HTML tag, and keeps Markdown it renders', () => {
    expect(teamsMarkdown('Use <b>myASE</b> for **results** or [the site](https://example.org), 3 < 4')).toBe(
      'Use &lt;b>myASE&lt;/b> for **results** or [the site](https://example.org), 3 < 4',
    );
  });
});

describe('teamsCard', () => {
  it('is undefined without facts or buttons', () => {
    expect(teamsCard({})).toBeUndefined();
  });

  it('is valid JSON a Teams client can parse (no undefined holes)', () => {
    const card = teamsCard({ ...withFacts, ...clarify });
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});
