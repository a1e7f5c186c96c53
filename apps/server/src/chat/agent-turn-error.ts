/**
 * The agent host answered a chat turn, but with a failure of the agent's own (its model or a
 * tool raised, or ADK refused the request). Unlike a host that cannot be reached, the message
 * was delivered and the failure is also in the run's events.
 */
export class AgentTurnError extends Error {
  readonly code = 'agent_error';

  constructor(message: string) {
    super(message);
    this.name = 'AgentTurnError';
  }
}
