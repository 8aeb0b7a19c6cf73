// Report services of the organiser console: the report from the database, tracking figures, exports.
export * from "./reportData";
export * from "./tracking";
export * from "./exports";
export * from "./replyRows";
export * from "./repliesExport";
export { toXlsx, safeSheetName, columnName, MAX_CELL_CHARS, type XlsxOptions } from "./xlsx";
export { publishedWorkbook } from "./publishedWorkbook";
export * from "./publishedReport";
export { wordDraft } from "./wordDraft";
