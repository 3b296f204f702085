import type { Migration } from 'kysely';
import * as foundation from './2026_11_22_000100_foundation';
import * as scoring from './2026_11_22_000200_scoring';
import * as grading from './2026_11_22_000300_grading';
import * as ratings from './2026_11_22_000400_ratings';
import * as reviews from './2026_11_22_000500_reviews';
import * as documents from './2026_11_22_000600_documents';
import * as accounts from './2026_12_04_000700_accounts';
import * as anonymity from './2026_12_04_000800_anonymity';
import * as reviewSubjects from './2026_12_04_000910_review_subjects';
import * as recordKindCatalog from './2026_12_04_000930_record_kind_catalog';
import * as selfAssessments from './2026_12_05_000950_self_assessments';
import * as files from './2026_12_05_001000_files';
import * as lateEntry from './2026_12_05_001010_late_entry';
import * as dutyReportFiles from './2026_12_05_001020_duty_report_files';
import * as gradeDecidedBy from './2026_12_05_001030_grade_decided_by';
import * as documentVersions from './2026_12_05_001040_document_versions';
import * as jobs from './2026_12_05_001050_jobs';
import * as scoreJobs from './2026_12_05_001060_score_jobs';
import * as ruleDrafts from './2026_12_06_001070_rule_drafts';
import * as categoryCatalog from './2026_12_06_001080_category_catalog';
import * as cobuildingLists from './2026_12_06_001090_cobuilding_lists';
import * as cbWishes from './2026_12_06_001100_cb_wishes';
import * as cbChairs from './2026_12_06_001110_cb_chairs';
import * as twowayForms from './2026_12_06_001120_twoway_forms';
import * as projectRatings from './2026_12_06_001130_project_ratings';
import * as cbProjectTasks from './2026_12_06_001140_cb_project_tasks';
import * as scoreStatistics from './2026_12_07_001150_score_statistics';
import * as incrementalScoring from './2026_12_07_001200_incremental_scoring';
import * as scoreShares from './2026_12_07_001210_score_shares';

/**
 * Every migration, by name. A static list (not a directory scan) so the Workers build can bundle them;
 * test/unit/migrations.test.ts fails when a file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_22_000100_foundation': foundation,
  '2026_11_22_000200_scoring': scoring,
  '2026_11_22_000300_grading': grading,
  '2026_11_22_000400_ratings': ratings,
  '2026_11_22_000500_reviews': reviews,
  '2026_11_22_000600_documents': documents,
  '2026_12_04_000700_accounts': accounts,
  '2026_12_04_000800_anonymity': anonymity,
  '2026_12_04_000910_review_subjects': reviewSubjects,
  '2026_12_04_000930_record_kind_catalog': recordKindCatalog,
  '2026_12_05_000950_self_assessments': selfAssessments,
  '2026_12_05_001000_files': files,
  '2026_12_05_001010_late_entry': lateEntry,
  '2026_12_05_001020_duty_report_files': dutyReportFiles,
  '2026_12_05_001030_grade_decided_by': gradeDecidedBy,
  '2026_12_05_001040_document_versions': documentVersions,
  '2026_12_05_001050_jobs': jobs,
  '2026_12_05_001060_score_jobs': scoreJobs,
  '2026_12_06_001070_rule_drafts': ruleDrafts,
  '2026_12_06_001080_category_catalog': categoryCatalog,
  '2026_12_06_001090_cobuilding_lists': cobuildingLists,
  '2026_12_06_001100_cb_wishes': cbWishes,
  '2026_12_06_001110_cb_chairs': cbChairs,
  '2026_12_06_001120_twoway_forms': twowayForms,
  '2026_12_06_001130_project_ratings': projectRatings,
  '2026_12_06_001140_cb_project_tasks': cbProjectTasks,
  '2026_12_07_001150_score_statistics': scoreStatistics,
  '2026_12_07_001200_incremental_scoring': incrementalScoring,
  '2026_12_07_001210_score_shares': scoreShares,
};
