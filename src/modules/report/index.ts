/**
 * The quarterly report (issue 19). Today: disclosure control, the pure kernel every published
 * table goes through, with its named, versioned profiles. Editions, sections and outputs follow.
 */
export { isPrimary, publishCount, publishedPercent, publishTable, roundCount, type CountTable, type DisclosureProfile, type PublishedCount, type PublishedTable, type Relation, type RelationMember } from './disclosure/disclosure.js';
export { PROFILE_IDS, profileAt, type ProfileId } from './disclosure/profiles.js';
export { publishEdition, type EditionContent, type EditionSection, type ManualFigure, type PublishedEdition } from './edition.js';
export { editionHtml, editionJson, editionXlsx, type Narrative } from './render.js';
export { generateEdition, publishUnder, quarterlyReport, renderEdition, reportPeriod, REPORT_FORMATS, type EditionRequest, type ReportFormat } from './report.service.js';
export { reportModule } from './report.module.js';
