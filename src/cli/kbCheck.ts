import { runKbCheck } from '../knowledge/knowledgeCheck.js';

/** `npm run kb:check [-- <knowledge folder>]`: see src/knowledge/knowledgeCheck.ts. */
runKbCheck(process.argv[2] ?? 'knowledge', (line) => console.log(line)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
