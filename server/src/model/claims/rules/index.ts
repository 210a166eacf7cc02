/**
 * The claim rules: each finds one kind of evidence that a sentence draws on a source.
 */
export type { Finding } from './finding';
export { findQuotations } from './quotation';
export { findStatistics, findTallies } from './statistic';
export { findDates, findDatedEvents, findDocuments, findLifeEvents, findRecordedActs } from './detail';
export { findSubjectVerbs, findBodyVerbs, findHistoriography, findFieldContinued, verbClass, type SubjectVerb } from './attribution';
export { findVagueAttributions } from './vague';
export { isOwnAnalysis, isOwnArgument, isOwnData, isOwnMethod } from './ownArgument';
