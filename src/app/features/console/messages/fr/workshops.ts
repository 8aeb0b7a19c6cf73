// French text of the console's workshops list (../en/workshops.ts).
import type { Translation } from "../../../../i18n/catalogue";
import type english from "../en/workshops";

const french: Translation<typeof english> = {
  workshopsHeading: "Ateliers",
  fiscalYear: "Exercice {year}",
  repliesForYear: "Réponses de l’exercice {year}",
  reportTables: "Tableaux du rapport",
  columnWorkshop: "Atelier",
  columnDates: "Dates",
  columnVenue: "Lieu",
  columnCampaign: "Questionnaire de suivi",
  columnReplies: "Réponses",
  kindRegional: "Régional",
  kindSubRegional: "Sous-régional",
  kindNational: "National",
  modeInPerson: "En présentiel",
  modeVirtual: "À distance",
  modeHybrid: "Hybride",
  workshopFacts: "{kind} · {mode} · {administrations} administrations · {participants} participant·es",

  noCampaignYet: "Pas encore de questionnaire de suivi",
  campaignWithdrawn: "Retiré",
  campaignClosed: "Clos",
  campaignScheduled: "Programmé : ouvre le {date}",
  campaignOpen: "Ouvert : échéance le {date}",
  campaignOpenLate: "Ouvert aux réponses tardives (échéance le {date})",
  campaignPastDue: "Échéance dépassée ({date})",
  replyRate: "{replied} sur {invited} · {percent} %",

  editWorkshop: "Modifier l’atelier",
  addWorkshop: "Ajouter un atelier",
  copyFrom: "Copier depuis…",
  newSetUp: "Une nouvelle configuration",
  workshopOfYear: "{title} (exercice {year})",
  fieldTitle: "Titre",
  fieldKind: "Type",
  fieldMode: "Modalité",
  fieldFirstDay: "Premier jour",
  fieldLastDay: "Dernier jour",
  fieldMonth: "Mois",
  fieldMonthUnknownDays: "Mois, lorsque les jours exacts ne sont pas connus",
  fieldLocation: "Hôte et lieu",
  fieldAdministrations: "Administrations",
  participatingAdministrations: "Administrations des douanes participantes",
  administrationCount: "Nombre d’administrations participantes, lorsque la liste n’est pas connue",
  saveChanges: "Enregistrer les modifications",
  addWorkshopButton: "Ajouter l’atelier",

  demoData: "Données de démonstration",
  demoArchived: "Les données de démonstration sont archivées.",
  demoBack: "Les données de démonstration sont de retour.",
  demoArchivedAt:
    "Archivées le {when}{by} : hors des listes et des rapports, leurs codes n’acceptent plus de réponses. Rien n’a été supprimé.",
  demoArchivedBy: " par {name}",
  restoreDemo: "Restaurer les données de démonstration",
  demoExplained:
    "Le premier démarrage a ajouté un atelier de démonstration ({title}) avec un questionnaire de suivi et les codes d’invitation {codes}. Archivez-le quand le bureau commence son propre travail : il quitte toutes les listes, le suivi et les rapports, ses codes n’acceptent plus de réponses, et rien n’est supprimé.",
  archiveDemoAsk: "Archiver les données de démonstration…",
  archiveDemoConfirm:
    "Archiver l’atelier de démonstration, son questionnaire de suivi et ses {count} invitations ? Vous pourrez les restaurer.",
  archiveIt: "Archiver",
  keepIt: "Conserver",
};
export default french;
