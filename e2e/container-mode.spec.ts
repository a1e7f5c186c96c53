import { test } from '@playwright/test';
import { runAgentThroughTheUi } from './run-agent';

test.skip(
  process.env.MOORING_SKIP_DOCKER === '1',
  'MOORING_SKIP_DOCKER=1 leaves container tests out',
);

test('start, chat with, watch and stop an agent in container mode', async ({ page }, testInfo) => {
  await runAgentThroughTheUi(page, testInfo, 'container');
});
