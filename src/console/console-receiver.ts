import type { App, Receiver } from '@slack/bolt';

/**
 * The local console's receiver: payloads the console builds (the same shapes Slack sends)
 * go through Bolt's own processEvent, so every listener, middleware and the error handler
 * run exactly as they do behind HTTP or Socket Mode. Resolves with what the app acked.
 */
export class ConsoleReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async dispatch(body: Record<string, unknown>): Promise<unknown> {
    const app = this.app;
    if (!app) throw new Error('ConsoleReceiver.dispatch called before the Bolt app was built');
    let acked: unknown;
    await app.processEvent({
      body,
      ack: async (response?: unknown) => {
        acked = response;
      },
    });
    return acked;
  }
}
