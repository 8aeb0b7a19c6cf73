// The demo "RKC at a glance" guide: a three-page PDF summarising how the Revised Kyoto Convention is built.
import { wrapText, writePdf, type PdfTextLine } from "./pdfWriter";

const heading = (text: string): PdfTextLine => ({ text, size: 15, bold: true, spaceBefore: 10 });
const subheading = (text: string): PdfTextLine => ({ text, size: 12, bold: true, spaceBefore: 8 });
const paragraph = (text: string): PdfTextLine[] =>
  wrapText(text, 11).map((line, i) => ({ text: line, spaceBefore: i === 0 ? 4 : 0 }));
const bullets = (items: string[]): PdfTextLine[] =>
  items.flatMap((item) =>
    wrapText(item, 11, 440).map((line, i) => ({
      text: i === 0 ? `- ${line}` : line,
      indent: i === 0 ? 8 : 18,
      spaceBefore: i === 0 ? 2 : 0,
    })),
  );

const page1: PdfTextLine[] = [
  { text: "The Revised Kyoto Convention at a glance", size: 20, bold: true },
  { text: "Reading notes for participants of the Asia/Pacific regional RKC workshop", size: 11, spaceBefore: 4 },
  heading("What the convention is"),
  ...paragraph(
    "The International Convention on the Simplification and Harmonization of Customs Procedures, known as the Kyoto Convention, is the World Customs Organization's blueprint for modern customs procedures. It first dates from 1973. Its members reworked it to keep pace with trade and technology, the WCO Council adopted the amending Protocol in June 1999, and the revised text has been in force since 3 February 2006. Since then, people simply call it the Revised Kyoto Convention, or RKC.",
  ),
  heading("Why it matters to an administration"),
  ...paragraph(
    "The RKC does not set tariff rates. It describes how goods should be handled: predictable and transparent procedures, simple declarations and documents, controls based on risk, and the widest possible use of information technology. An administration that applies it gives traders the same treatment wherever they cross, and frees officers to look at the consignments that matter.",
  ),
  heading("Principles to remember"),
  ...bullets([
    "Transparency and predictability of customs action.",
    "Standard, simplified goods declarations and supporting documents.",
    "Simplified procedures for authorized persons.",
    "Maximum use of information technology.",
    "Only the control needed to ensure compliance, using risk management and audit-based controls.",
    "Coordinated interventions with other border agencies.",
    "Partnership with the trade.",
  ]),
];

const page2: PdfTextLine[] = [
  heading("How the text is built"),
  ...paragraph("The convention has three layers, and each binds a Contracting Party in a different way."),
  subheading("1. The Body"),
  ...paragraph(
    "The Articles say who may join, how the convention is managed (a Management Committee of the Contracting Parties keeps it up to date), how amendments are made and how the annexes are accepted. A country that accedes accepts the Body and the General Annex together.",
  ),
  subheading("2. The General Annex: ten chapters, no reservations"),
  ...paragraph(
    "The General Annex holds the core principles that apply to every customs procedure. A Contracting Party cannot make reservations on it. Its chapters are:",
  ),
  ...bullets([
    "Chapter 1 - General principles",
    "Chapter 2 - Definitions",
    "Chapter 3 - Clearance and other customs formalities",
    "Chapter 4 - Duties and taxes",
    "Chapter 5 - Security",
    "Chapter 6 - Customs control",
    "Chapter 7 - Application of information technology",
    "Chapter 8 - Relationship between customs and third parties",
    "Chapter 9 - Information, decisions and rulings supplied by customs",
    "Chapter 10 - Appeals in customs matters",
  ]),
  subheading("3. The Specific Annexes"),
  ...paragraph(
    "Ten Specific Annexes, lettered A to K (there is no I), deal with individual procedures. A Contracting Party may accept any of them, or only some of their chapters, when it joins or later.",
  ),
];

const page3: PdfTextLine[] = [
  heading("The Specific Annexes"),
  ...bullets([
    "A - Arrival of goods in a customs territory",
    "B - Importation",
    "C - Exportation",
    "D - Customs warehouses and free zones",
    "E - Transit",
    "F - Processing",
    "G - Temporary admission",
    "H - Offences",
    "J - Special procedures (travellers, postal traffic, relief consignments and others)",
    "K - Origin",
  ]),
  heading("Standards, transitional standards, recommended practices"),
  ...paragraph(
    "Each annex mixes three kinds of provision. Standards must be put into national law and practice; for the General Annex and the Specific Annexes a Party has 36 months from the date they bind it. Transitional Standards, found in the General Annex, allow a longer period of 60 months. Recommended Practices in the Specific Annexes are the goal to work towards; a Party may enter reservations on them and reviews those reservations regularly.",
  ),
  heading("The Guidelines"),
  ...paragraph(
    "Every annex comes with Guidelines that explain its provisions and show good practice. They are not part of the legal text and do not bind anyone, which lets the WCO update them as technology and practice change.",
  ),
  heading("Questions to take back to your office"),
  ...bullets([
    "Which Specific Annexes or chapters has your administration accepted, and which reservations does it keep?",
    "Where do your clearance steps still ask for documents the General Annex would let you drop?",
    "How are risk management and post-clearance audit used to keep physical inspections low?",
  ]),
];

export function rkcGuidePdf(): Uint8Array {
  return writePdf({ title: "The Revised Kyoto Convention at a glance", pages: [page1, page2, page3] });
}
