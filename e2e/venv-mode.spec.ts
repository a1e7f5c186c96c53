import { expect, test } from '@playwright/test';
import { runAgentThroughTheUi } from './run-agent';

test('start, chat with, watch and stop an agent in venv mode', async ({ page }, testInfo) => {
  await runAgentThroughTheUi(page, testInfo, 'venv');
  await expect(page.getByTestId('agent-card-story_dice')).toBeVisible();
});
