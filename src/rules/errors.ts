// Thrown when a rule is called with input it cannot interpret (a malformed date, an unknown
// zone). Facts that are well-formed but unusual (a failure date in the future, a past
// appointment) are NOT errors: they come back as verdicts.

export class RuleInputError extends Error {
  constructor(
    /** The input field at fault, e.g. 'appointment.time'. */
    readonly field: string,
    reason: string,
  ) {
    super(`rules: ${field}: ${reason}`);
    this.name = 'RuleInputError';
  }
}
