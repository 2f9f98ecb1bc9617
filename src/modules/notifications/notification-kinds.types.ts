/**
 * The kinds of notification a person may mute are declared by the features that send them
 * (`notificationKinds` in src/features/<feature>/<feature>.feature.ts), so the mute list
 * names only what exists.
 */

/** The "while you were away" message itself: never capped, muted or held again. */
export const DIGEST_KIND = 'notifications.digest';
