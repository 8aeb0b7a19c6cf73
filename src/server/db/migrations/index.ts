// Migrations ship in the code (no folder scanning), so a bundled or tsx-run server finds them the same way.
import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001_initial";
import * as materials from "./0002_materials";
import * as relayKeys from "./0003_relay_keys";
import * as consoleTables from "./0004_console";
import * as invitationParticipants from "./0005_invitation_participants";
import * as reminders from "./0006_reminders";
import * as curationFeedback from "./0007_curation_feedback";
import * as attachments from "./0008_attachments";
import * as attachmentRefusals from "./0009_attachment_refusals";
import * as questionnaireLifecycle from "./0010_questionnaire_lifecycle";
import * as campaignDueDay from "./0011_campaign_due_day";
import * as feedbackVersions from "./0012_feedback_versions";
import * as reportOrder from "./0020_report_order";
import * as sharedProcessState from "./0030_shared_process_state";
import * as messageTemplates from "./0031_message_templates";
import * as reportBindings from "./0100_report_bindings";
import * as summaryYears from "./0110_summary_years";
import * as invitationWithdrawal from "./0120_invitation_withdrawal";
import * as editVersionsAuditLog from "./0130_edit_versions_audit_log";
import * as demoArchive from "./0140_demo_archive";
import * as importMappings from "./0141_import_mappings";
import * as workshopMonthAndCounts from "./0150_workshop_month_and_counts";
import * as importedCampaigns from "./0151_imported_campaigns";
import * as templateVersions from "./0160_template_versions";
import * as questionnaireRevisions from "./0170_questionnaire_revisions";

const migrations: Record<string, Migration> = {
  "0001_initial": initial,
  "0002_materials": materials,
  "0003_relay_keys": relayKeys,
  "0004_console": consoleTables,
  "0005_invitation_participants": invitationParticipants,
  "0006_reminders": reminders,
  "0007_curation_feedback": curationFeedback,
  "0008_attachments": attachments,
  "0009_attachment_refusals": attachmentRefusals,
  "0010_questionnaire_lifecycle": questionnaireLifecycle,
  "0011_campaign_due_day": campaignDueDay,
  "0012_feedback_versions": feedbackVersions,
  "0020_report_order": reportOrder,
  "0030_shared_process_state": sharedProcessState,
  "0031_message_templates": messageTemplates,
  "0100_report_bindings": reportBindings,
  "0110_summary_years": summaryYears,
  "0120_invitation_withdrawal": invitationWithdrawal,
  "0130_edit_versions_audit_log": editVersionsAuditLog,
  "0140_demo_archive": demoArchive,
  "0141_import_mappings": importMappings,
  "0150_workshop_month_and_counts": workshopMonthAndCounts,
  "0151_imported_campaigns": importedCampaigns,
  "0160_template_versions": templateVersions,
  "0170_questionnaire_revisions": questionnaireRevisions,
};

export const inCodeMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};
