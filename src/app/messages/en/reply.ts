// English text of one sent reply's screen (features/survey/ReplyPage.tsx), the participant's copy of it (replyCopy.ts)
// and a reply's attachments (AttachmentsPicker.tsx): loaded with those lazy modules, not in the first load;
// ../fr/reply.ts translates every key.
export default {
  loading: "Loading…",
  notFoundHeading: "Reply not found",
  notFoundExplained: "This reply is not on this phone.",
  home: "Home",
  heading: "Your reply",
  explainWaiting:
    "Your reply is saved on this phone. It will be sent automatically as soon as the organiser's server can be reached — you can close the app.",
  explainSending: "Sending your reply now…",
  explainSent: "The organiser has your reply. It stays here as your record.",
  explainNeedsAttention: "The organiser's server did not accept this reply. It is still saved on this phone.",
  receipt: "Receipt",
  receivedOn: ", received {time}.",
  submittedAttempts: "Submitted {time}. Attempts so far: {attempts}.",
  trySendingNow: "Try sending now",
  giveToDeliver: "Give it to someone to deliver",
  deliveryExplained:
    "No connection for a long time? Save the reply as a file and give it to a colleague whose phone goes online; it is sent only once, and this phone shows it sent later.",
  reason: "Reason:",
  fixAndSendAgain: "Fix and send again",
  saveAsFile: "Save the reply as a file",
  discardReply: "Discard this reply…",
  discardQuestion:
    "Delete this reply from this phone for good? The organiser never received it. Consider saving it as a file first.",
  keepIt: "Keep it",
  yesDeleteIt: "Yes, delete it",
  yourAnswers: "Your answers",
  copyExplained: "A copy as a text file: share it to your e-mail or notes, or keep it on the phone.",
  keepCopy: "Keep a copy of my reply",
  backToQuestionnaires: "Back to your questionnaires",
  copyTitle: "My follow-up reply",
  copyInvitation: "Invitation: {code}",
  copySubmitted: "Submitted: {time}",
  copyState: "State: {state}",
  copyReceipt: "Receipt: {receipt}, received {time}",

  attachmentsHeading: "Attachments (optional)",
  attachmentsExplained:
    "Your workshop report, photos of an in-house session, a new SOP… up to 5 files of 20 MB. They are sent after your reply, and continue where they stopped if the connection drops.",
  addFiles: "Add files",
  attachmentOnPhone: "on this phone — uploaded after the reply is sent",
  attachmentUploading: "uploading {percent}%",
  attachmentUploaded: "received by the organiser",
  attachmentFailed: "refused by the server",
  attachmentFailedBecause: "refused by the server: {problem}",
  attachmentRefusedType:
    "“{name}” cannot be attached: use a PDF, a photo (JPEG, PNG, WebP), a Word or PowerPoint file, or plain text.",
  attachmentRefusedSize: "“{name}” is {size} MB; files up to {limit} MB can be attached.",
  attachmentRefusedCount: "A reply can have at most {max} attachments.",
  attachmentRefusedContent:
    "“{name}” is not really the kind of file its name says: its content does not match, so it cannot be attached.",
  attachmentRefusedNoReply: "The server has not received the reply this file belongs to.",
  attachmentRefusedNotYours: "The reply this file belongs to was sent with another invitation.",
  attachmentRefusedInvitation:
    "The server does not know this invitation. Please check it against your invitation message.",
  remove: "Remove",
  removeAttachment: "Remove {name}",
};
