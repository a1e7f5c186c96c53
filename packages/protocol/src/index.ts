export * from './run-mode';
export * from './run-status';
export * from './envelope';
export * from './agent-view';
export * from './hub-message';
export * from './api';
