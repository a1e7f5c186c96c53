export type { AgentRunner, RunContext, RunEndpoint, RunnerSettings } from './agent-runner';
export type { AgentSpec } from './agent-spec';
export type { ChannelRegistration, EventChannel } from './event-channel';
export { silentLogger, type Logger } from './logger';
export type { RunnerMessage } from './runner-message';
export { RunnerError, type RunnerErrorCode } from './runner-error';
export { createRunner } from './create-runner';
export { VenvAgentRunner } from './venv/venv-agent-runner';
export { decodeEnvelope } from './shared/envelope-decoder';
