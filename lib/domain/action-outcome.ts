/** What an action answered: done, partly done (some jobs skipped), or why nothing changed. */
export type ActionOutcome = 'done' | 'partial' | 'not_found' | 'wrong_state' | 'locked' | 'refused' | 'unauthorized' | 'unavailable' | 'busy' | 'invalid' | 'error';
