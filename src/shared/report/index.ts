// The Good Practice Report, computed from raw replies: pure functions, usable in the browser and on the server.
export * from "./types";
export * from "./fiscalYear";
export * from "./percent";
export * from "./replyReading";
export * from "./tables";
export * from "./report";
export * from "./publishedLayout";
export * from "./publishedWording";
export * from "./workshopOrder";
export * from "./reportDraft";
export * from "./draftWording";
export * from "./analyticWording";
export * from "./reportOrder";
export * from "./summaryYear";
export * from "./summarySheet";
export * from "./bindings";
