// French text of the console's office screens (../en/admin.ts).
import type { Translation } from "../../../../i18n/catalogue";
import type english from "../en/admin";

const french: Translation<typeof english> = {
  memberAdministrations: "Administrations des douanes membres",
  addAdministration: "Ajouter une administration",
  administrationCode: "Code (2 ou 3 lettres, tel que les rapports l’utilisent)",
  name: "Nom",
  subRegion: "Sous-région",
  addAdministrationButton: "Ajouter l’administration",

  auditLog: "Journal d’audit",
  onlyOrganiserAuditLog: "Seul·e un·e organisateur·rice peut lire le journal d’audit.",
  auditExplained:
    "Chaque atelier, participant·e et questionnaire de suivi ajouté, enregistré ou supprimé dans la console, du plus récent au plus ancien.",
  nothingChanged: "Rien n’a encore été modifié.",
  columnWhen: "Quand",
  columnWho: "Qui",
  columnWhat: "Quoi",
  columnChanges: "Modifications",
  entityAction: "{action} : {entity}",
  actionCreate: "Ajout",
  actionUpdate: "Modification",
  actionDelete: "Suppression",
  entityWorkshop: "atelier",
  entityParticipant: "participant·e",
  entityCampaign: "questionnaire de suivi",
  entityMessageTemplate: "texte d’e-mail",
  entityFeedback: "retour aux participants",
  entityQuestionnaireDraft: "brouillon de questionnaire",
  entityReportBindings: "liens du rapport aux questions",
  showOlderChanges: "Afficher les modifications plus anciennes",

  accounts: "Comptes",
  onlyOrganiserAccounts: "Seul·e un·e organisateur·rice peut voir et modifier les comptes de la console.",
  consoleAccounts: "Comptes de la console",
  roleOrganiserLong: "Organisateur·rice (peut modifier)",
  roleViewerLong: "Lecteur·rice (lecture seule)",
  roleOrganiser: "organisateur·rice",
  roleViewer: "lecteur·rice",
  accountDisabled: " · désactivé",
  accountYou: " · vous",
  newPasswordSet:
    "Nouveau mot de passe défini ; {name} a été déconnecté·e partout. Transmettez le mot de passe en personne.",
  reEnable: "Réactiver {name}",
  disable: "Désactiver {name}",
  resetPasswordOf: "Réinitialiser le mot de passe de {name}",
  newPasswordFor: "Nouveau mot de passe pour {name} (au moins {count} caractères)",
  setNewPassword: "Définir le nouveau mot de passe",
  cancel: "Annuler",
  canNowSignIn: "{name} peut maintenant se connecter avec {email} et le mot de passe que vous avez choisi.",
  addAccount: "Ajouter un compte",
  email: "E-mail",
  role: "Rôle",
  initialPassword: "Mot de passe initial (au moins {count} caractères ; transmettez-le en personne)",
  addAccountButton: "Ajouter le compte",
};
export default french;
