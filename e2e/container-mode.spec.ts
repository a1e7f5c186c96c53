import { test } from '@playwright/test';
import { runAgentThroughTheUi } from './run-agent';

test('start, chat with, watch and stop an agent in container mode', async ({ page }, testInfo) => {
  await runAgentThroughTheUi(page, testInfo, 'container');
});
