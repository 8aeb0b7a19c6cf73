// Reference data for a fresh install: the member administrations, the FY 2022/23 workshops, and a demo campaign.
import type { Administration } from "../../shared/directory";
import type { WorkshopRecord } from "./directory";
import type { NewInvitation } from "./invitations";

const EAST = "east-central-west-asia" as const;
const PACIFIC = "pacific-islands" as const;
const SOUTH = "south-asia" as const;
const SOUTHEAST = "southeast-asia" as const;

export const MEMBER_ADMINISTRATIONS: readonly Administration[] = [
  { code: "AF", name: "Afghanistan", subRegion: EAST },
  { code: "CN", name: "China", subRegion: EAST },
  { code: "HK", name: "Hong Kong, China", subRegion: EAST },
  { code: "IR", name: "Iran", subRegion: EAST },
  { code: "JP", name: "Japan", subRegion: EAST },
  { code: "KR", name: "Korea", subRegion: EAST },
  { code: "MO", name: "Macao, China", subRegion: EAST },
  { code: "MN", name: "Mongolia", subRegion: EAST },
  { code: "PK", name: "Pakistan", subRegion: EAST },
  { code: "AU", name: "Australia", subRegion: PACIFIC },
  { code: "FJ", name: "Fiji", subRegion: PACIFIC },
  { code: "NZ", name: "New Zealand", subRegion: PACIFIC },
  { code: "PG", name: "Papua New Guinea", subRegion: PACIFIC },
  { code: "WS", name: "Samoa", subRegion: PACIFIC },
  { code: "TL", name: "Timor-Leste", subRegion: PACIFIC },
  { code: "TO", name: "Tonga", subRegion: PACIFIC },
  { code: "VU", name: "Vanuatu", subRegion: PACIFIC },
  { code: "BD", name: "Bangladesh", subRegion: SOUTH },
  { code: "BT", name: "Bhutan", subRegion: SOUTH },
  { code: "IN", name: "India", subRegion: SOUTH },
  { code: "MV", name: "Maldives", subRegion: SOUTH },
  { code: "NP", name: "Nepal", subRegion: SOUTH },
  { code: "LK", name: "Sri Lanka", subRegion: SOUTH },
  { code: "BN", name: "Brunei Darussalam", subRegion: SOUTHEAST },
  { code: "KH", name: "Cambodia", subRegion: SOUTHEAST },
  { code: "ID", name: "Indonesia", subRegion: SOUTHEAST },
  { code: "LA", name: "Lao PDR", subRegion: SOUTHEAST },
  { code: "MY", name: "Malaysia", subRegion: SOUTHEAST },
  { code: "PH", name: "Philippines", subRegion: SOUTHEAST },
  { code: "SG", name: "Singapore", subRegion: SOUTHEAST },
  { code: "TH", name: "Thailand", subRegion: SOUTHEAST },
  { code: "MM", name: "Myanmar", subRegion: SOUTHEAST },
  { code: "VN", name: "Viet Nam", subRegion: SOUTHEAST },
];

const FY = "2022/23";

// Dates and venues are not in the published reports, so they are left empty rather than invented.
export const FY2223_WORKSHOPS: readonly WorkshopRecord[] = [
  {
    id: "fy2223-01-aeo-asean",
    title: "WCO Sub-regional Workshop on Authorized Economic Operator (AEO) for ASEAN members",
    kind: "sub-regional",
    mode: "in-person",
    fiscalYear: FY,
    participatingAdministrations: 10,
  },
  {
    id: "fy2223-02-valuation-asean",
    title: "WCO Sub-regional Workshop on Customs Valuation for ASEAN members",
    kind: "sub-regional",
    mode: "in-person",
    fiscalYear: FY,
    participatingAdministrations: 11,
  },
  {
    id: "fy2223-03-mea",
    title: "WCO Regional Workshop on the Multilateral Environmental Agreements (MEAs) for the Asia Pacific Region",
    kind: "regional",
    mode: "in-person",
    fiscalYear: FY,
    participatingAdministrations: 19,
  },
  {
    id: "fy2223-04-data-analysis",
    title: "WCO Regional Workshop on Data Management and Data Analysis against Illicit Trade",
    kind: "regional",
    mode: "in-person",
    fiscalYear: FY,
    participatingAdministrations: 21,
  },
  {
    id: "fy2223-05-ecommerce-postal",
    title:
      "WCO Sub-Regional workshop on E-Commerce to facilitate small package clearance collaboration with Postal Service",
    kind: "sub-regional",
    mode: "in-person",
    fiscalYear: FY,
    participatingAdministrations: 6,
  },
  {
    id: "fy2223-06-canines",
    title: "WCO Asia-Pacific Regional Workshop on Canines",
    kind: "regional",
    mode: "in-person",
    fiscalYear: FY,
    participatingAdministrations: 18,
  },
  {
    id: "fy2223-07-paperless-trade",
    title: "WCO-UNESCAP 5th Masterclass: Facilitating Cross-border Paperless Trade using emerging technologies",
    kind: "sub-regional",
    mode: "in-person",
    fiscalYear: FY,
    participatingAdministrations: 10,
  },
  {
    id: "fy2223-08-digital-forensics",
    title: "WCO Asia-Pacific Regional Workshop on Digital Forensics",
    kind: "regional",
    mode: "in-person",
    fiscalYear: FY,
    participatingAdministrations: 16,
  },
  {
    id: "fy2223-09-rkc",
    title: "WCO Regional Workshop on The Revised Kyoto Convention (RKC) for the Asia Pacific Region",
    kind: "regional",
    mode: "in-person",
    fiscalYear: FY,
    participatingAdministrations: 21,
  },
  {
    id: "fy2223-10-pca-south-asia",
    title: "WCO Asia-Pacific Sub-Regional Virtual Workshop on Post Clearance Audit (PCA) for South Asian Members",
    kind: "sub-regional",
    mode: "virtual",
    fiscalYear: FY,
    participatingAdministrations: 7,
  },
];

export const DEMO_CAMPAIGN_ID = "fy2223-09-rkc-follow-up";
export const DEMO_WORKSHOP_ID = "fy2223-09-rkc";
export const DEMO_CAMPAIGN_DAYS_OPEN = 21;

// Fictional participants; e-mail addresses use the reserved example.org domain.
export const DEMO_INVITATIONS: readonly Omit<NewInvitation, "campaignId">[] = [
  {
    code: "DEMO-TO1",
    participantName: "Sela Taufa",
    administrationCode: "TO",
    email: "sela.taufa@example.org",
    position: "Customs Officer, Compliance and Enforcement",
  },
  {
    code: "DEMO-VU2",
    participantName: "Kalo Natapei",
    administrationCode: "VU",
    email: "kalo.natapei@example.org",
    position: "Senior Officer, Trade Facilitation",
  },
  {
    code: "DEMO-FJ3",
    participantName: "Mereani Tuilau",
    administrationCode: "FJ",
    email: "mereani.tuilau@example.org",
    position: "Principal Customs Officer, Border Operations",
  },
  {
    code: "DEMO-WS4",
    participantName: "Iosefa Leaupepe",
    administrationCode: "WS",
    email: "iosefa.leaupepe@example.org",
    position: "Customs Officer, Tariff and Valuation",
  },
  {
    code: "DEMO-PG5",
    participantName: "Grace Kaupa",
    administrationCode: "PG",
    email: "grace.kaupa@example.org",
    position: "Manager, Policy and Procedures",
  },
];
