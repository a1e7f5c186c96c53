// Helpers for tests in other packages. Kept free of `import.meta`, so that CommonJS test
// runners (Playwright's) can load it too.
export { chatWithHost } from './chat-with-host';
export { partKind } from './part-kind';
export { isAlive } from './process-alive';
export { eventually, recordingContext } from './recording-context';
export { containersOfRun, removeAgentImages, SKIP_DOCKER } from '../container/container-test-kit';
