// English text of a sent reply's problems made on the phone (the outbox's "too large", the relay file's refusals); its own
// catalogue so the reply screen's lazy chunk carries it and the first load does not. ../fr/replyProblems.ts translates.
export default {
  replyTooLarge: "This reply is too large to send. Save it as a file and send it to the organiser another way.",
  relayNotOnPhone: "This reply is not on this phone.",
  relayNoKey:
    "This invitation was opened with an older version of the app; open the invitation again while online to enable this.",
};
