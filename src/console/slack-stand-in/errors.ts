/** A Slack Web API error answer: HTTP 200 `{ ok: false, error, ...extra }`. */
export class SlackApiError extends Error {
  constructor(
    readonly error: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(error);
    this.name = 'SlackApiError';
  }
}

/** Slack explains argument problems in response_metadata.messages with an [ERROR] prefix. */
export function invalidArguments(message: string): SlackApiError {
  return new SlackApiError('invalid_arguments', {
    response_metadata: { messages: [`[ERROR] ${message}`] },
  });
}
