// French text of the console's imports (../en/imports.ts).
import type { Translation } from "../../../../i18n/catalogue";
import type english from "../en/imports";

const RELEVANT_SUPPORTED = "Possible : ${q} = 'x', ${q} != 'x', selected(${q}, 'x'), not(...), and, or";
const relevant = (detail: string) => `condition inutilisable : ${detail}. ${RELEVANT_SUPPORTED}`;

const french: Translation<typeof english> = {
  targetIgnore: "Ignorer",
  targetName: "Nom",
  targetEmail: "E-mail",
  targetAdministration: "Administration",
  targetPosition: "Fonction",
  participantsImported: "Participants importés : {count}.",
  csvHeading: "Importer des participants depuis un fichier CSV",
  csvIntro:
    "Un export des inscriptions convient : la première ligne nomme les colonnes (Nom, E-mail, Administration ou Pays, Fonction ou Titre, dans n’importe quel ordre ; les autres sont ignorées, et vous pouvez indiquer quelle colonne contient quoi). Les administrations par nom ou par code (Fidji, FJ). Les lignes qui posent problème peuvent être ignorées ou corrigées ici.",
  csvFile: "Fichier CSV",
  pasteRows: "Ou collez les lignes",
  whichColumn: "Quelle colonne contient quoi",
  mappingRemembered: "Lu comme le dernier fichier importé avec ces colonnes.",
  columnNamed: "Colonne « {header} »",
  check: "Vérifier",
  importCount: "Importer {count} participants",
  importNone: "Importer les participants",
  csvSummary: "{valid} lignes prêtes, {invalid} avec des problèmes, {skipped} ignorées.",
  columnsNotImported: "Colonnes non importées : {columns}.",
  lineProblems: "Ligne {line} : ",
  lineCorrectedProblems: "Ligne {line} (corrigée) : ",
  noProblemsLeft: "plus aucun problème",
  skipLine: "Ignorer la ligne {line}",
  correctLine: "Corriger la ligne {line}",
  fieldOfLine: "{field} (ligne {line})",
  checkLineAgain: "Vérifier de nouveau la ligne {line}",

  yearFirst: "Indiquez d’abord l’exercice, par exemple 2020/21.",
  fileFirst: "Choisissez d’abord le fichier des réponses.",
  earlierImported:
    "Exercice {year} : {added} réponses importées, {alreadyHere} déjà présentes, atelier(s) ajouté(s) : {workshops}.",
  earlierHeading: "Importer les réponses d’une campagne antérieure",
  earlierIntro:
    "Les réponses brutes telles qu’Outrigger les exporte (les « réponses brutes (CSV) » du rapport, ou leur version XLSX), depuis ce serveur ou un autre. Elles comptent ensuite dans le rapport, les comparaisons et les tendances comme si elles venaient des téléphones. Un fichier comportant une seule cellule erronée est refusé en entier ; importer de nouveau le même fichier n’ajoute rien.",
  earlierYear: "Exercice de la campagne (juillet–juin), par ex. 2020/21",
  earlierFile: "Fichier des réponses (.csv ou .xlsx)",
  earlierPreview: "{replies} réponses pour l’exercice {year}",
  earlierAlreadyHere: ", dont {count} déjà présentes",
  earlierNewWorkshops: " ; atelier(s) à ajouter : {count}",
  importTheseReplies: "Importer ces réponses",

  xlsformCalculationColumn:
    "les calculs ne sont pas pris en charge : une réponse ne contient que ce que la personne a répondu",
  xlsformChoiceFilterColumn:
    "les filtres de choix (listes en cascade) ne sont pas pris en charge : toutes les options d’une question sont toujours proposées",
  xlsformConstraintMessageColumn:
    "les messages de contrainte personnalisés ne sont pas pris en charge : le formulaire dit lui-même ce qui ne va pas",
  xlsformRequiredMessageColumn: "les messages d’obligation personnalisés ne sont pas pris en charge",
  xlsformDefaultColumn: "les réponses par défaut ne sont pas prises en charge",
  xlsformReadOnlyColumn: "les questions en lecture seule ne sont pas prises en charge",
  xlsformRepeatCountColumn: "les répétitions ne sont pas prises en charge",
  xlsformUnknownColumn: "la colonne « {column} » n’est pas prise en charge, et sa valeur serait perdue",
  xlsformLanguageWithoutCode: "indiquez la langue avec son code, p. ex. « {base}::French (fr) »",
  xlsformNeedsTitle: "le formulaire doit avoir un titre (form_title)",
  xlsformOtherFormId:
    "form_id vaut « {formId} » mais ce questionnaire est « {id} » : importez-le dans celui-là, ou changez form_id",
  xlsformChoiceWithoutList: "un choix doit indiquer la liste à laquelle il appartient",
  xlsformNoSuchList: "il n’y a pas de liste de choix « {list} » dans la feuille choices",
  xlsformUnusableOptionName:
    "« {name} » ne peut pas servir de nom d’option (une lettre, puis des lettres, chiffres, _ ou -)",
  xlsformUnusableGroupName:
    "« {name} » ne peut pas servir de nom de groupe (une lettre, puis des lettres, chiffres, _ ou -)",
  xlsformUnusableQuestionName:
    "« {name} » ne peut pas servir de nom de question (une lettre, puis des lettres, chiffres, _ ou -)",
  xlsformOptionNeedsLabel: "l’option doit avoir un libellé",
  xlsformOptionRole: "outrigger_role vaut « specify », « exclusive » ou reste vide, et non « {role} »",
  xlsformNestedGroups: "les groupes dans des groupes ne sont pas pris en charge : les rubriques ne s’imbriquent pas",
  xlsformGroupCondition:
    "une condition sur un groupe entier n’est pas prise en charge : placez-la sur chacune de ses questions",
  xlsformGroupNeedsLabel: "le groupe doit avoir un libellé : c’est le titre de la rubrique",
  xlsformEndWithoutBegin: "end group sans begin group",
  xlsformRepeat: "les répétitions ne sont pas prises en charge : une réponse contient une seule réponse par question",
  xlsformNameTaken: "une autre ligne s’appelle déjà « {name} »",
  xlsformGroupNotEnded: "le groupe « {id} » n’a pas de end group",
  xlsformNoQuestions: "le formulaire n’a aucune question",
  xlsformNotAQuestionnaire: "ce n’est pas un questionnaire valable : {detail}",
  xlsformQuestionNeedsLabel: "la question doit avoir un libellé",
  xlsformRequiredYesNo:
    "required vaut « yes » ou « no », et non « {value} » (les conditions n’y sont pas prises en charge)",
  xlsformPrefillUnknown: "outrigger_prefill vaut l’un de : {prefills}",
  xlsformConstraintMisplaced: "cette contrainte ne s’applique pas à une question {type}",
  xlsformAppearanceUnsupported:
    "l’apparence « {appearance} » n’est pas prise en charge (seulement « multiline » sur un texte)",
  xlsformOutriggerTypeMisplaced: "outrigger_type « {marker} » ne s’applique pas à une question {type}",
  xlsformChoiceTypeWritten: "écrivez une question à choix « {word} <liste> » ou « {word} <liste> or_other »",
  xlsformOtherTwice: "or_other ajoute une option « other », et la liste « {list} » en a déjà une",
  xlsformYesNoOptions: "la liste d’une question yes_no a exactement les options « yes » et « no »",
  xlsformYesNoTranslated:
    "une question yes_no ne peut pas garder de libellés oui/non traduits : retirez outrigger_type pour l’importer comme un choix unique",
  xlsformListOnChoicesOnly: "« {type} » : seuls select_one et select_multiple prennent une liste",
  xlsformIntegerBounds: "les bornes d’une question entière sont des nombres entiers",
  xlsformNoteRequired: "une note n’appelle pas de réponse, elle ne peut donc pas être obligatoire",
  xlsformCalculateRow:
    "les lignes calculate ne sont pas prises en charge : une réponse ne contient que ce que la personne a répondu",
  xlsformNoType: "la ligne n’a pas de type",
  xlsformUnknownType:
    "le type « {type} » n’est pas pris en charge (possibles : text, integer, decimal, date, note, select_one, select_multiple, begin group, end group)",
  xlsformConstraintUnsupported:
    "contrainte inutilisable : seules « string-length(.) <= N » ou « . >= A and . <= B » peuvent être gardées, et non « {text} »",
  xlsformRelevantUnreadable: relevant("illisible à partir de « {text} »"),
  xlsformRelevantExpectedBefore: relevant("« {expected} » attendu avant « {found} »"),
  xlsformRelevantExpectedAtEnd: relevant("« {expected} » attendu à la fin"),
  xlsformRelevantReferenceFound: relevant("une référence ${question} attendue, mais « {found} » trouvé"),
  xlsformRelevantReferenceAtEnd: relevant("une référence ${question} attendue à la fin"),
  xlsformRelevantOptionNameFound: relevant("un nom d’option entre guillemets attendu, mais « {found} » trouvé"),
  xlsformRelevantOptionNameAtEnd: relevant("un nom d’option entre guillemets attendu à la fin"),
  xlsformRelevantConditionFound: relevant(
    "une référence ${question}, selected(...) ou not(...) attendue, mais « {found} » trouvé",
  ),
  xlsformRelevantConditionAtEnd: relevant("une référence ${question}, selected(...) ou not(...) attendue à la fin"),
  xlsformRelevantValueFound: relevant("une valeur entre guillemets attendue, mais « {found} » trouvé"),
  xlsformRelevantValueAtEnd: relevant("une valeur entre guillemets attendue à la fin"),
  xlsformRelevantOperator: relevant("seuls = et != comparent une réponse (trouvé : « {found} »)"),
  xlsformRelevantOperatorAtEnd: relevant("seuls = et != comparent une réponse (rien trouvé)"),
  xlsformRelevantUnexpected: relevant("« {found} » inattendu"),

  summaryUnknownColumn: "cette colonne n’est pas l’une de celles du tableau",
  summaryMissingColumn: "cette colonne manque dans l’en-tête",
  summaryNoWorkshops: "le tableau ne contient aucun atelier",
  summaryTooManyWorkshops: "un exercice compte au plus {max} ateliers ; celui-ci est de trop",
  summaryNumberNeeded: "un nombre est nécessaire ici",
  summaryNotWholeNumber: "« {value} » n’est pas un nombre entier positif ou nul",
  summaryTitleMissing: "le titre de l’atelier manque",
  summaryTitleTooLong: "le titre dépasse 300 caractères",
  summaryNotKind: "« {value} » n’est pas un type : écrivez regional, sub-regional ou national",
  summaryNotMonth: "« {value} » n’est pas un mois : écrivez-le comme 2022-11",
  summaryYesNoOverReplies: "Oui ({yes}) et Non ({no}) ensemble dépassent les {replies} réponses",
  summaryActionOverReplies: "{count} répondants, c’est plus que les {replies} réponses",
  summaryNotAdministrationCode: "« {value} » n’est pas un code d’administration comme FJ",
  summaryRowUnreadable: "cette ligne ne peut pas être lue",

  repliesHeaderLacks: "il manque à l’en-tête {columns} : exportez de nouveau les réponses depuis Outrigger",
  repliesNoHeader: "pas de ligne d’en-tête au-dessus de celle-ci : le fichier doit commencer par « {column} »",
  repliesTooMany: "un fichier contient au plus {max} réponses",
  repliesNotReplyId: "« {value} » n’est pas un identifiant de réponse (un UUID version 7)",
  repliesIdTwice: "le même identifiant de réponse figure déjà à la ligne {row}",
  repliesWorkshopTitle: "indiquez le titre de l’atelier (400 caractères au plus)",
  repliesUnknownAdministration: "« {code} » n’est pas dans la liste des administrations",
  repliesNotInvitationCode: "« {value} » n’est pas un code d’invitation",
  repliesNotTime: "« {value} » n’est pas un horodatage comme 2023-01-10T08:20:00.000Z",
  repliesNotYesNo: "« {value} » n’est ni yes ni no",
  repliesNotKind: "« {value} » n’est pas un type : regional, sub-regional ou national",
  repliesNotMonth: "« {value} » n’est pas un mois comme 2022-11",
  repliesMonthOutsideYear: "{month} n’est pas dans l’exercice {fiscalYear}",
  repliesNotWholeNumber: "« {value} » n’est pas un nombre entier",
  repliesWorkshopDiffers: "le type, le mois ou les effectifs de cet atelier diffèrent de la ligne {row}",
  repliesNoVersion: "ce serveur n’a pas de version {version} de « {questionnaire} »",
  repliesColumnMissing: "la colonne manque : l’en-tête n’est pas celui de la version {version}",
  repliesNotAnOption: "« {value} » n’est pas l’une des options de cette question",
  repliesNotAnAnswer: "« {value} » n’est pas l’une des réponses de cette question",
  repliesNoReplies: "le fichier ne contient aucune réponse",

  participantColumnCount:
    "Cette ligne a {count} colonne(s) ; l’en-tête en a {header}. Mettez entre guillemets doubles les valeurs qui contiennent des virgules.",
  participantNameMissing: "Le nom manque.",
  participantNameTooLong: "Le nom est trop long (200 caractères au plus).",
  participantAdministrationMissing: "L’administration manque.",
  participantUnknownAdministration:
    "« {value} » n’est pas dans la liste des administrations (utilisez son nom ou son code, p. ex. Fiji ou FJ).",
  participantEmailMissing: "L’adresse e-mail manque.",
  participantNotEmail: "« {email} » n’est pas une adresse e-mail.",
  participantAlreadyInWorkshop: "{email} participe déjà à cet atelier.",
  participantEmailTwice: "{email} figure deux fois dans ce fichier.",
  participantPositionTooLong: "La fonction est trop longue (200 caractères au plus).",
  participantOutsideWorkshop: "{code} ne fait pas partie des administrations de cet atelier.",
};
export default french;
