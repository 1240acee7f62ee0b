// What the TypeScript examples of README.md and docs/ take as given: the reader's own values,
// declared with the types the reader's code would give them. test/docs/snippets.test.ts
// type-checks every example as a module with this file (and src/worker.ts beside it).

/** The Segment event at hand, e.g. from `JSON.parse` of a request body: not yet checked. */
declare const event: unknown
declare const segmentEvent: unknown
/** An event the host's own code already built with the library's Segment types. */
declare const typedEvent: import('segment-intercom').SegmentEvent

/** The host's transport to Intercom (the README's `fetch`-based one, for instance). */
declare const send: import('segment-intercom').Send

/** The host's own HTTP call, wrapped by an example. */
declare const http: import('segment-intercom').Send
declare const yourHttpSend: import('segment-intercom').Send

/** An Intercom access token from the host's secret store. */
declare const token: string

/** The event names the workspace already has (Intercom's list of data events). */
declare const namesFromIntercom: readonly string[]

/** The host's queue of events to deliver again later. */
declare const queue: { retryLater(event: unknown, at?: number): void }

/** The signed-in user of the host application (server side). */
declare const user: { id: string; email: string }

/** A value computed by `userHash` on the host's server and sent to the page. */
declare const userHashFromYourServer: string

/** Segment's analytics.js on the page. */
declare const analytics: {
  identify(
    userId: string,
    traits?: Record<string, unknown>,
    options?: { integrations?: Record<string, unknown> },
  ): void
}
