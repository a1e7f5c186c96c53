import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';

const AGENT = 'story_dice';
const START_TIMEOUT = 8 * 60_000;
const HUB = /\/ws(\?.*)?$/;

type HubMessage = { type: string; seq?: number; runId?: string };
type RunHistory = { events: { seq: number; kind: string }[] };

/**
 * Stands between the page and the server's hub, so the test can cut the link mid-stream, keep
 * the page disconnected for as long as it likes, and see how the page reconnects.
 */
class HubLink {
  readonly urls: string[] = [];
  /** The type of the first message on each connection, in connection order. */
  readonly firstTypes: string[] = [];
  private blocked = false;
  private dropOnNextEvent = false;
  private current: { page: WebSocketRoute; server: WebSocketRoute } | null = null;

  attach(page: WebSocketRoute): void {
    this.urls.push(page.url());
    if (this.blocked) {
      void page.close();
      return;
    }
    const server = page.connectToServer();
    const index = this.firstTypes.length;
    this.firstTypes.push('');
    this.current = { page, server };
    server.onMessage((frame) => {
      if (this.current?.page !== page) return;
      page.send(frame);
      const message = JSON.parse(String(frame)) as HubMessage;
      if (this.firstTypes[index] === '') this.firstTypes[index] = message.type;
      if (this.dropOnNextEvent && message.type === 'event') void this.drop();
    });
  }

  /** Cuts the link right after the next run event reaches the page. */
  dropMidStream(): void {
    this.dropOnNextEvent = true;
  }

  get dropped(): boolean {
    return this.blocked;
  }

  reopen(): void {
    this.blocked = false;
  }

  private async drop(): Promise<void> {
    this.dropOnNextEvent = false;
    this.blocked = true;
    const link = this.current;
    this.current = null;
    await link?.page.close({ code: 4000, reason: 'cut by the test' });
    await link?.server.close().catch(() => undefined);
  }
}

async function runHistory(page: Page, runId: string): Promise<RunHistory> {
  const response = await page.request.get(`/api/runs/${runId}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as RunHistory;
}

async function finishedTurns(page: Page, runId: string): Promise<number> {
  const { events } = await runHistory(page, runId);
  return events.filter((envelope) => envelope.kind === 'run-finished').length;
}

test('a dropped hub link resumes with every event exactly once', async ({ page }) => {
  const hub = new HubLink();
  await page.routeWebSocket(HUB, (ws) => hub.attach(ws));

  await page.goto('/');
  const card = page.getByTestId(`agent-card-${AGENT}`);
  await card.getByRole('radio', { name: 'venv' }).check();
  await card.getByRole('button', { name: 'Start' }).click();
  await expect(card.getByTestId('status-badge')).toHaveAttribute('data-status', 'running', {
    timeout: START_TIMEOUT,
  });
  const runId = (await (await page.request.get(`/api/agents/${AGENT}`)).json()).run.id as string;
  const events = page.getByTestId('events-panel');
  await expect(events).toHaveAttribute('data-run-id', runId);

  hub.dropMidStream();
  await page.getByLabel('Message').fill('a lighthouse at dawn');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => hub.dropped).toBe(true);
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toBeVisible();

  const reply = await page.request.post(`/api/agents/${AGENT}/chat`, {
    data: { message: 'a kettle that sings' },
  });
  expect(reply.ok()).toBe(true);
  await expect.poll(() => finishedTurns(page, runId)).toBe(2);
  await expect(banner).toBeVisible();
  const heldWhileCut = Number(await events.getAttribute('data-count'));

  const connections = hub.urls.length;
  hub.reopen();
  await expect(banner).toBeHidden({ timeout: 30_000 });
  const resumed = hub.urls.slice(connections);
  expect(resumed.at(-1)).toMatch(/\/ws\?after=\d+$/);
  expect(hub.firstTypes.at(-1)).not.toBe('snapshot');

  const seqs = (await runHistory(page, runId)).events.map((envelope) => envelope.seq);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  expect(heldWhileCut).toBeLessThan(seqs.length);
  await expect(events).toHaveAttribute('data-count', String(seqs.length));
  const shown = await events
    .getByTestId('event-row')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-seq'))));
  expect(shown).toEqual(seqs);

  const userTurns = page.locator('[data-testid="chat-message"][data-role="user"]');
  await expect(userTurns).toHaveCount(2);
  await expect(userTurns.last()).toContainText('a kettle that sings');
  await expect(page.locator('[data-testid="chat-message"][data-role="agent"]')).toHaveCount(2);

  await card.getByRole('button', { name: 'Stop' }).click();
  await expect(card.getByTestId('status-badge')).toHaveAttribute('data-status', 'stopped', {
    timeout: 60_000,
  });
});
