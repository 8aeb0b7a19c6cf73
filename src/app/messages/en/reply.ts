// English text of one sent reply's page (features/survey/ReplyPage.tsx), loaded with that screen's chunk;
// ../fr/reply.ts translates every key.
export default {
  explainWaiting:
    "Your reply is saved on this phone. It will be sent automatically as soon as the organiser's server can be reached — you can close the app.",
  explainSending: "Sending your reply now…",
  explainSent: "The organiser has your reply. It stays here as your record.",
  explainNeedsAttention: "The organiser's server did not accept this reply. It is still saved on this phone.",
  loading: "Loading…",
  replyNotFound: "Reply not found",
  replyNotOnPhone: "This reply is not on this phone.",
  home: "Home",
  yourReply: "Your reply",
  receipt: "Receipt {id}, received {time}.",
  submittedAttempts: "Submitted {time}. Attempts so far: {attempts}.",
  trySendingNow: "Try sending now",
  giveToDeliver: "Give it to someone to deliver",
  relayExplained:
    "No connection for a long time? Save the reply as a file and give it to a colleague whose phone goes online; it is sent only once, and this phone shows it sent later.",
  reason: "Reason:",
  fixAndSend: "Fix and send again",
  saveAsFile: "Save the reply as a file",
  discard: "Discard this reply…",
  discardQuestion:
    "Delete this reply from this phone for good? The organiser never received it. Consider saving it as a file first.",
  keepIt: "Keep it",
  yesDelete: "Yes, delete it",
  yourAnswers: "Your answers",
  copyExplained: "A copy as a text file: share it to your e-mail or notes, or keep it on the phone.",
  keepCopy: "Keep a copy of my reply",
  backToQuestionnaires: "Back to your questionnaires",
};
