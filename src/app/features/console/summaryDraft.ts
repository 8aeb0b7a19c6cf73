// The past years form's working copy of a summary year: numbers kept as typed, turned into the server's shape on save.
import {
  FOLLOW_UP_ACTIONS,
  SUMMARY_LIST_COLUMNS,
  type FollowUpAction,
  type SummaryWorkshop,
} from "../../../shared/report";

export const YES_NO = [
  ["directEffects", "Direct effects"],
  ["efficiency", "Efficiency improved"],
  ["newProjects", "New projects"],
] as const;
export type YesNoKey = (typeof YES_NO)[number][0];
export type ListColumn = (typeof SUMMARY_LIST_COLUMNS)[number];
const noLists = (): Record<ListColumn, string> => ({
  shared: "",
  inhouse: "",
  effects: "",
  reports: "",
  recommendations: "",
  projects: "",
});

/** One workshop in the form: every number as typed, so a half-typed field is never lost. */
export interface WorkshopDraft {
  title: string;
  kind: SummaryWorkshop["kind"];
  month: string;
  participatingAdministrations: string;
  invitedParticipants: string;
  replies: string;
  actions: Record<FollowUpAction, string>;
  yes: Record<YesNoKey, string>;
  no: Record<YesNoKey, string>;
  /** Tables 4 and 7: administration codes per column, as typed ("FJ TO"); all blank when not known. */
  lists: Record<ListColumn, string>;
}

export function emptyDraft(): WorkshopDraft {
  const actions = {} as Record<FollowUpAction, string>;
  for (const a of FOLLOW_UP_ACTIONS) actions[a] = "";
  return {
    title: "",
    kind: "regional",
    month: "",
    participatingAdministrations: "",
    invitedParticipants: "",
    replies: "",
    actions,
    yes: { directEffects: "", efficiency: "", newProjects: "" },
    no: { directEffects: "", efficiency: "", newProjects: "" },
    lists: noLists(),
  };
}

export function draftOf(w: SummaryWorkshop): WorkshopDraft {
  const actions = {} as Record<FollowUpAction, string>;
  for (const a of FOLLOW_UP_ACTIONS) actions[a] = String(w.actions[a]);
  return {
    title: w.title,
    kind: w.kind,
    month: w.month ?? "",
    participatingAdministrations: String(w.participatingAdministrations),
    invitedParticipants: w.invitedParticipants === undefined ? "" : String(w.invitedParticipants),
    replies: String(w.replies),
    actions,
    yes: {
      directEffects: String(w.directEffects.yes),
      efficiency: String(w.efficiency.yes),
      newProjects: String(w.newProjects.yes),
    },
    no: {
      directEffects: String(w.directEffects.no),
      efficiency: String(w.efficiency.no),
      newProjects: String(w.newProjects.no),
    },
    lists: w.administrations
      ? (Object.fromEntries(SUMMARY_LIST_COLUMNS.map((k) => [k, w.administrations![k].join(" ")])) as Record<
          ListColumn,
          string
        >)
      : noLists(),
  };
}

/** The form as the server takes it; a blank "No" is the rest of the replies (the report prints only "Yes" for Tables 3 and 5). */
export function workshopOf(d: WorkshopDraft): unknown {
  const n = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
  const replies = n(d.replies);
  const yesNo = (k: YesNoKey) => {
    const yes = n(d.yes[k]);
    return { yes, no: d.no[k].trim() === "" ? Math.max(0, replies - yes) : n(d.no[k]) };
  };
  const actions = {} as Record<FollowUpAction, number>;
  for (const a of FOLLOW_UP_ACTIONS) actions[a] = n(d.actions[a]);
  return {
    title: d.title,
    kind: d.kind,
    ...(d.month !== "" ? { month: d.month } : {}),
    participatingAdministrations: n(d.participatingAdministrations),
    ...(d.invitedParticipants.trim() !== "" ? { invitedParticipants: n(d.invitedParticipants) } : {}),
    replies,
    actions,
    directEffects: yesNo("directEffects"),
    efficiency: yesNo("efficiency"),
    newProjects: yesNo("newProjects"),
    ...(SUMMARY_LIST_COLUMNS.some((k) => d.lists[k].trim() !== "")
      ? {
          administrations: Object.fromEntries(
            SUMMARY_LIST_COLUMNS.map((k) => [k, d.lists[k].split(/[\s,;]+/).filter((code) => code !== "")]),
          ),
        }
      : {}),
  };
}
