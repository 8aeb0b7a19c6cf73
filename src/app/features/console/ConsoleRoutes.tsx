// The organiser console's screens, in the console chunk: each loads on first use, none in a participant's first load.
import { Show, lazy } from "solid-js";
import { Link, Routes, useParams } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import { frameText as t } from "./consoleText";

const WorkshopsPage = lazy(() => import("./WorkshopsPage"));
const WorkshopDetailPage = lazy(() => import("./WorkshopDetailPage"));
const SetupPage = lazy(() => import("./SetupPage"));
const CampaignPage = lazy(() => import("./CampaignPage"));
const ReportPage = lazy(() => import("./ReportPage"));
const DashboardPage = lazy(() => import("./DashboardPage"));
const AdministrationsPage = lazy(() => import("./AdministrationsPage"));
const PastYearsPage = lazy(() => import("./PastYearsPage"));
const TrendsPage = lazy(() => import("./TrendsPage"));
const QuestionnairesPage = lazy(() => import("./QuestionnairesPage"));
const QuestionnaireEditorPage = lazy(() => import("./QuestionnaireEditorPage"));
const AccountsPage = lazy(() => import("./AccountsPage"));
const AuditLogPage = lazy(() => import("./AuditLogPage"));
const ReplyDetailPage = lazy(() => import("./ReplyDetailPage"));

/** /console/replies/2022-23 is a year's dashboard; /console/replies/<reply id> one reply in full. */
function RepliesRoute() {
  const params = useParams<{ ref: string }>();
  return (
    <Show when={/^\d{4}-\d{2}$/.test(params.ref)} fallback={<ReplyDetailPage />}>
      <DashboardPage />
    </Show>
  );
}

// Inside the console's frame, so a mistyped console address still offers the console's own bar.
const ConsoleNotFound = withConsoleLayout(function ConsoleNotFound() {
  return (
    <main class="page">
      <h1>{t("pageNotFound")}</h1>
      <Link class="button" href="/console">
        {t("goToConsole")}
      </Link>
    </main>
  );
});

export default function ConsoleRoutes() {
  return (
    <Routes
      routes={[
        { path: "/console", component: WorkshopsPage },
        { path: "/console/setup", component: SetupPage },
        { path: "/console/workshops/:id", component: WorkshopDetailPage },
        { path: "/console/campaigns/:id", component: CampaignPage },
        { path: "/console/report/:fiscalYear", component: ReportPage },
        { path: "/console/replies/:ref", component: RepliesRoute },
        { path: "/console/administrations", component: AdministrationsPage },
        { path: "/console/past-years", component: PastYearsPage },
        { path: "/console/trends", component: TrendsPage },
        { path: "/console/questionnaires", component: QuestionnairesPage },
        { path: "/console/questionnaires/:ref", component: QuestionnaireEditorPage },
        { path: "/console/accounts", component: AccountsPage },
        { path: "/console/audit-log", component: AuditLogPage },
        { path: "*", component: ConsoleNotFound },
      ]}
    />
  );
}
