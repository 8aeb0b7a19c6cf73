// French text of the console's frame (../en/frame.ts).
import type { Translation } from "../../../../i18n/catalogue";
import type english from "../en/frame";

const french: Translation<typeof english> = {
  checkingSession: "Vérification de votre session…",
  consoleNavigation: "Console",
  navWorkshops: "Ateliers",
  navAdministrations: "Administrations",
  navQuestionnaires: "Questionnaires",
  navAccounts: "Comptes",
  navAuditLog: "Journal d’audit",
  roleOrganiser: "organisateur·rice",
  roleViewer: "lecteur·rice",
  signedInAs: "{name} ({role})",
  signOut: "Se déconnecter",

  createFirstOrganiser: "Créer le premier compte organisateur",
  organiserConsole: "Console de l’organisateur",
  yourName: "Votre nom",
  emailAddress: "Adresse e-mail",
  password: "Mot de passe",
  passwordAtLeast: "Mot de passe (au moins {count} caractères)",
  createAccount: "Créer le compte",
  signIn: "Se connecter",

  conflictChangedBy: "Modifié par {who}{when} — vos modifications ne sont pas enregistrées",
  conflictAnotherOrganiser: "un·e autre organisateur·rice",
  conflictAtTime: " à {time}",
  conflictField: "Champ",
  conflictYours: "Votre version",
  conflictNowSaved: "Version enregistrée",
  conflictDiffers: " (diffère)",
  conflictKeepMine: "Garder la mienne (écraser)",
  conflictUseTheirs: "Prendre la leur",
  valueYes: "oui",
  valueNo: "non",

  deleteWorkshop: "Supprimer cet atelier…",
  deleteCampaign: "Supprimer ce questionnaire de suivi…",
  deleteForGood: "Supprimer définitivement",
  keepIt: "Conserver",
  deleteRefusedCampaignHasReplies:
    "Ce questionnaire de suivi a reçu des réponses : il ne peut pas être supprimé. Clôturez-le plutôt (ses réponses restent comptées).",
  deleteRefusedWorkshopHasReplies:
    "Des participants de cet atelier ont répondu : il ne peut pas être supprimé, car leurs réponses comptent dans le rapport.",
  deleteRefusedWorkshopHasMaterials:
    "Cet atelier a des supports de formation que des téléphones peuvent détenir : il ne peut pas être supprimé ici.",

  pageNotFound: "Page introuvable",
  goToConsole: "Aller à la console",
};
export default french;
