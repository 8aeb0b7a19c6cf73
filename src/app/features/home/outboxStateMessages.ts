// Which catalogue message names each state of a sent reply (home's reply lines, the reply's own screen).
import type { OutboxState } from "../../store/db";

export const OUTBOX_STATE_MESSAGES = {
  waiting: "stateWaiting",
  sending: "stateSending",
  sent: "stateSent",
  needs_attention: "stateNeedsAttention",
} as const satisfies Record<OutboxState, string>;
