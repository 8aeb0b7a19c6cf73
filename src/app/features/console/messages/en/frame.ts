// English text of the console's frame: its bar, signing in, the first organiser's setup, a page not found.
// Loaded with the console's chunk; ../fr/frame.ts translates every key.
export default {
  checkingSession: "Checking your session…",
  consoleNavigation: "Console",
  navWorkshops: "Workshops",
  navAdministrations: "Administrations",
  navQuestionnaires: "Questionnaires",
  navAccounts: "Accounts",
  navAuditLog: "Audit log",
  roleOrganiser: "organiser",
  roleViewer: "viewer",
  signedInAs: "{name} ({role})",
  signOut: "Sign out",

  createFirstOrganiser: "Create the first organiser account",
  organiserConsole: "Organiser console",
  yourName: "Your name",
  emailAddress: "E-mail address",
  password: "Password",
  passwordAtLeast: "Password (at least {count} characters)",
  createAccount: "Create account",
  signIn: "Sign in",

  conflictChangedBy: "Changed by {who}{when} — your changes are not saved",
  conflictAnotherOrganiser: "another organiser",
  conflictAtTime: " at {time}",
  conflictField: "Field",
  conflictYours: "Yours",
  conflictNowSaved: "Now saved",
  conflictDiffers: " (differs)",
  conflictKeepMine: "Keep mine (save over)",
  conflictUseTheirs: "Use theirs",
  valueYes: "yes",
  valueNo: "no",

  deleteWorkshop: "Delete this workshop…",
  deleteCampaign: "Delete this campaign…",
  deleteForGood: "Delete for good",
  keepIt: "Keep it",
  deleteRefusedCampaignHasReplies:
    "This campaign has replies, so it cannot be deleted: close it instead (its replies stay counted).",
  deleteRefusedWorkshopHasReplies:
    "Participants of this workshop have replied, so it cannot be deleted: its replies count in the report.",
  deleteRefusedWorkshopHasMaterials:
    "This workshop has training materials that phones may hold, so it cannot be deleted from here.",

  pageNotFound: "Page not found",
  goToConsole: "Go to the console",
};
