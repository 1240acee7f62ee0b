// The host code that docs/guide/testing.md tests: delivers a batch of events with retries.
import type { Send } from 'segment-intercom'

export declare function processBatch(
  events: readonly unknown[],
  options: { send: Send },
): Promise<void>
