import type { ServerResponse } from 'node:http';
import type { AckFn, Context } from '@slack/bolt';

/**
 * An acknowledgement whose JSON body was serialised once, ahead of time. Bolt's `ack(object)`
 * runs `JSON.stringify` on every request; for a large answer given the same way to many people
 * (`/liaison help`, ≈ 6 KB) that, and Node flattening and encoding the result, was about a
 * quarter of what the request allocated (bench/README.md, issue 16). Bolt sends a string body as it is but without a content type, and Slack reads an
 * acknowledgement's body as a message only when it says `application/json`; so the HTTP
 * receiver leaves the request's response in the context, the header is set on it, and the
 * string goes through `ack()` as usual — Bolt still marks the request acknowledged.
 * Socket Mode and the local console have no HTTP response: there the object is acknowledged.
 */

/** The context property the HTTP receiver sets (Bolt copies a receiver's custom properties into the context). */
export const HTTP_RESPONSE_PROPERTY = 'liaisonHttpResponse';

const serialized = new WeakMap<object, string>();

/** JSON text with every character beyond ASCII escaped: the same value, a one-byte string to copy and encode. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Acknowledges with `body`, serialised once per `body` object: callers pass the same object
 * for the same answer (a cached view), and must not change it afterwards.
 */
export async function ackWithSerialized(ack: AckFn<object>, context: Context, body: object): Promise<void> {
  const response = context[HTTP_RESPONSE_PROPERTY] as ServerResponse | undefined;
  if (!response || response.headersSent) {
    await ack(body);
    return;
  }
  let json = serialized.get(body);
  if (json === undefined) {
    json = asciiJson(body);
    serialized.set(body, json);
  }
  response.setHeader('content-type', 'application/json');
  await (ack as unknown as AckFn<string>)(json);
}
