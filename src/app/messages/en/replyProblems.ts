// English text of a sent reply's problems (the outbox's "too large", the relay file's refusals, and the server's refusal
// of a reply by its code, src/shared/replyRefusalCodes.ts); its own catalogue so the reply screen's and the delivery
// screen's lazy chunks carry it and the first load does not. ../fr/replyProblems.ts translates.
export default {
  replyTooLarge: "This reply is too large to send. Save it as a file and send it to the organiser another way.",
  relayNotOnPhone: "This reply is not on this phone.",
  relayNoKey:
    "This invitation was opened with an older version of the app; open the invitation again while online to enable this.",
  refusedInvalidReply: "This reply is not in the expected form.",
  refusedDuplicateInBatch: "This reply appears twice in the same batch; only its first copy was considered.",
  refusedUnknownCampaign: "The questionnaire this reply belongs to is not known to the server.",
  refusedUnknownInvitation: "The invitation code of this reply is not known for this questionnaire.",
  refusedCampaignWithdrawn: "The organiser has withdrawn this questionnaire, so it no longer takes replies.",
  refusedCampaignClosed: "This questionnaire is closed, or its due date has passed, and it no longer takes replies.",
  refusedCampaignNotOpenYet: "This questionnaire is not open for replies yet.",
  refusedInvitationArchived:
    "This invitation belongs to data the organiser has archived, so it no longer takes replies.",
  refusedInvitationWithdrawn:
    "The organiser has withdrawn your invitation to this questionnaire, so it no longer takes your replies.",
  refusedWrongQuestionnaireVersion:
    "This reply was made for a different version of the questionnaire than the one being collected.",
  refusedInvalidAnswers: "Some answers need attention before this reply can be taken.",
  refusedStorage: "The server's database could not store this reply as it is. Please contact the organiser.",
  refusedConflict: "A different reply with the same id is already stored. The stored reply was kept.",
  refusedInvalidSignature:
    "This reply file was changed after it was signed, or was not made by the invited participant's app.",
  refusedUnreadableBatch: "The server could not read this reply as it was sent. Please contact the organiser.",
  /** One answer problem the server found, with the question it belongs to. */
  answerProblem: "{question}: {problem}",
};
