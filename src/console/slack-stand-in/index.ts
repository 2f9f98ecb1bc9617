/**
 * An in-process stand-in for Slack's Web API and response_urls on loopback.
 *
 * - Local console: when no Slack credentials are set, Bolt runs with
 *   `clientOptions.slackApiUrl = standIn.url` and `token = standIn.botToken`; the console
 *   subscribes with `standIn.on('message' | 'ephemeral' | 'modal' | 'home', …)` to show
 *   what the bot did, and uses createResponseUrl/createTriggerId/closeModal/
 *   applyViewResponse to play the user's side.
 * - Tests and benchmarks: import it through tests/harness/fake-slack.ts.
 */
export { STAND_IN_DEFAULTS } from './defaults.js';
export { startSlackStandIn } from './server.js';
export type {
  InjectedFailure,
  ModalChangeKind,
  ModalOutcome,
  RateLimitRule,
  RecordedCall,
  SlackStandIn,
  StandInChannel,
  StandInEventMap,
  StandInFile,
  StandInInstall,
  StandInOptions,
  StandInState,
  StandInUser,
  StoredEphemeral,
  StoredMessage,
  StoredView,
} from './types.js';
