import { execFileSync } from 'node:child_process';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { isAlive } from '@mooring/runners/testing';

const AGENT = 'weather_assistant';
const START_TIMEOUT = 8 * 60_000;

/** Containers of a run, found by the label Mooring puts on everything it creates. */
function containersOf(runId: string): string {
  const filter = `label=mooring.run=${runId}`;
  return execFileSync('docker', ['ps', '-aq', '--filter', filter], { encoding: 'utf8' }).trim();
}

/**
 * The path every user takes: pick a mode on the card, start, chat twice, watch the events,
 * stop. Shared by the venv and container specs, which differ only in the mode and its badge.
 */
export async function runAgentThroughTheUi(
  page: Page,
  testInfo: TestInfo,
  mode: 'venv' | 'container',
): Promise<void> {
  await page.goto('/');
  const card = page.getByTestId(`agent-card-${AGENT}`);
  await expect(card).toBeVisible();
  // Whatever an earlier test left, the agent is not active.
  await expect(card.getByTestId('status-badge')).toHaveAttribute(
    'data-status',
    /stopped|failed|exited/,
  );

  await card.getByRole('radio', { name: mode }).check();
  await card.getByRole('button', { name: 'Start' }).click();
  await expect(card.getByTestId('status-badge')).toHaveAttribute(
    'data-status',
    /preparing|starting|running/,
  );
  // Settles on running, or fails at once with the reason instead of waiting out the timeout.
  await expect(card.getByTestId('status-badge')).toHaveAttribute(
    'data-status',
    /running|failed|exited/,
    { timeout: START_TIMEOUT },
  );
  const status = await card.getByTestId('status-badge').getAttribute('data-status');
  if (status !== 'running') {
    const reason = await card.getByTestId('run-reason').textContent();
    throw new Error(`the agent did not start: ${status}: ${reason}`);
  }
  const badge = card.getByTestId('mode-badge');
  await expect(badge).toContainText(mode);
  const view = await (await page.request.get(`/api/agents/${AGENT}`)).json();
  const where = mode === 'venv' ? String(view.run.pid) : view.run.containerId.slice(0, 12);
  await expect(badge).toContainText(where);
  if (mode === 'container') await expect(badge).toContainText(view.run.imageTag);
  await expect(card.getByRole('radio', { name: mode })).toBeDisabled();

  await card.click();
  const logs = page.getByTestId('logs-panel');
  await expect(logs).toContainText(mode === 'venv' ? /environment/ : /image/);

  const input = page.getByLabel('Message');
  await input.fill('What is the weather in Paris?');
  await page.getByRole('button', { name: 'Send' }).click();
  const agentMessages = page.locator('[data-testid="chat-message"][data-role="agent"]');
  await expect(agentMessages.last()).toContainText(/Paris/i, { timeout: 60_000 });

  const events = page.getByTestId('events-panel');
  await expect(events.locator('[data-testid="event-row"][data-kind="function-call"]')).toHaveCount(
    1,
  );
  await expect(
    events.locator('[data-testid="event-row"][data-kind="function-response"]'),
  ).toHaveCount(1);
  await expect(events.locator('[data-testid="event-row"][data-kind="text"]').first()).toBeVisible();

  await input.fill('And in Tokyo?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(agentMessages).toHaveCount(2, { timeout: 60_000 });
  await expect(agentMessages.last()).toContainText(/Tokyo/i);
  await expect(events.locator('[data-testid="event-row"][data-kind="function-call"]')).toHaveCount(
    2,
  );
  const count = Number(await events.getAttribute('data-count'));
  expect(count).toBeGreaterThan(4);

  await page.screenshot({ path: testInfo.outputPath(`${mode}-running.png`), fullPage: false });
  await testInfo.attach(`${mode}-running`, {
    path: testInfo.outputPath(`${mode}-running.png`),
    contentType: 'image/png',
  });

  const row = events.locator('[data-testid="event-row"][data-kind="function-call"]').first();
  await row.click();
  await expect(row).toContainText('"functionCall"');
  // The newest row sits at the panel's bottom edge; its JSON must open into view.
  const newest = events.locator('[data-testid="event-row"]').last();
  await newest.getByRole('button').click();
  await expect(newest.locator('pre')).toBeInViewport({ ratio: 0.9 });

  await card.getByRole('button', { name: 'Stop' }).click();
  await expect(card.getByTestId('status-badge')).toHaveAttribute('data-status', 'stopped', {
    timeout: 60_000,
  });
  await expect(card.getByTestId('mode-badge')).toHaveCount(0);
  if (mode === 'venv') expect(isAlive(view.run.pid)).toBe(false);
  else expect(containersOf(view.run.id)).toBe('');
}
