// The folder layout is the architecture: ESLint refuses an import that points the wrong way. These
// tests lint one offending line per layer, so a rule that stopped matching would fail here.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function refused(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layers: who may import whom', () => {
  it.each([
    ['src/rules/x.ts', "import { en } from '../messages/en.js';", 'rules may import only their own files'],
    ['src/language/x.ts', "import { en } from '../messages/en.js';", 'language may import only its own files'],
    ['src/dataFiles/x.ts', "import { PolicyDataError } from '../knowledge/policyData.js';", 'data files import only their own files'],
    ['src/understanding/x.ts', "import { CandidateBot } from '../bot/candidateBot.js';", 'understanding never imports the bot'],
    ['src/conversation/x.ts', "import { TaskDialog } from '../../dialogs/taskDialog.js';", 'the conversation core does not import dialogs'],
    ['src/conversation/x.ts', "import { renderSms } from '../channels/sms/renderSms.js';", 'the conversation core does not import channels'],
    ['dialogs/x.ts', "import { AccountLinks } from '../src/account/linking.js';", 'dialogs reach accounts only through the port'],
    ['dialogs/x.ts', "import { RedisStorage } from '../src/storage/redisStorage.js';", 'dialogs do not touch storage'],
    ['src/bot/x.ts', "import { teamsScope } from '../channels/teams/incoming.js';", 'the bot does not import Teams code'],
    ['src/account/x.ts', "import { readCredentials } from '../understanding/credentials.js';", 'accounts have no NLU'],
    ['src/storage/x.ts', "import type { Config } from '../config.js';", "storage does not take the application's Config"],
    ['src/knowledge/x.ts', "import { CandidateBot } from '../bot/candidateBot.js';", 'knowledge does not import the bot'],
    ['src/channels/x.ts', "import { route } from '../bot/routeActions.js';", 'channels do not route'],
    ['src/handoff/x.ts', "import { CandidateBot } from '../bot/candidateBot.js';", 'handoff does not import the bot'],
    ['src/http/x.ts', "import type { Config } from '../config.js';", 'the HTTP edge takes its own settings'],
  ])('%s: `%s` is refused (%s)', async (file, line) => {
    expect(await refused(file, line)).toHaveLength(1);
  });

  it.each([
    ['dialogs/x.ts', "import type { CandidateAccount } from '../src/account/types.js';"],
    ['src/conversation/x.ts', "import { parseDates } from '../understanding/dates.js';"],
    ['src/bot/x.ts', "import { route } from '../conversation/routes.js';"],
    ['src/understanding/x.ts', "import { addDays } from '../rules/index.js';"],
    ['src/account/x.ts', "import { parseYamlFile } from '../dataFiles/yamlFile.js';"],
    ['src/knowledge/x.ts', "import { parseYamlFile } from '../dataFiles/yamlFile.js';"],
  ])('%s: `%s` is allowed', async (file, line) => {
    expect(await refused(file, line)).toEqual([]);
  });
});
