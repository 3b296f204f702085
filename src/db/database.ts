import type { ColumnType, Generated } from 'kysely';
import type { AccountTables } from '../features/users/users.table';

/** A `date` column: always a 'YYYY-MM-DD' string (the drivers are told not to make Dates of it). */
type DateString = string;
/** A `numeric` column: a decimal string in both directions, never a float. */
type Decimal = ColumnType<string, string | null, string | null>;
type CreatedAt = ColumnType<Date, never, never>;
type Json<T> = ColumnType<T, string, string>;

export type OrgKind =
  | 'district'
  | 'street'
  | 'community'
  | 'grid'
  | 'building'
  | 'sector'
  | 'unit'
  | 'enterprise'
  | 'social_org';
export type Role = 'admin' | 'leader' | 'org_user' | 'reviewer';
export type CycleState = 'draft' | 'collecting' | 'reviewing' | 'computed' | 'published' | 'finalized';
export type RecordStatus = 'submitted' | 'verified' | 'rejected';
export type AttendanceStatus = 'present' | 'excused' | 'absent';
/** Evidence behind a record as a text reference (imports, inspections, older records). */
export type EvidenceRef = { name: string; ref: string };
/** Evidence behind a ledger record: a text reference, or a stored file (`files`). */
export type LedgerEvidence = EvidenceRef | { name: string; fileId: number; mime: string; size: number };
export type FileMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** A file of the storage port (evidence, attachments); its bytes in `content` or in the files directory. */
export interface FileTable {
  id: Generated<number>;
  org_id: number;
  purpose: string;
  name: string;
  mime: FileMime;
  size: number;
  sha256: string;
  stored_in: 'database' | 'directory';
  content: Uint8Array | null;
  width: number | null;
  height: number | null;
  thumbnail: Uint8Array | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface OrganizationTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: OrgKind;
  category: string | null;
  parent_id: number | null;
  /** Set by a trigger from the parent: '/1/5/23/'. */
  path: ColumnType<string, never, string>;
  depth: ColumnType<number, never, number>;
  secretary_name: string | null;
  member_count: ColumnType<number, number | undefined, number>;
  active_from: DateString;
  active_to: DateString | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
}

export interface MemberTable {
  id: Generated<number>;
  name: string;
  org_id: number;
  employer_name: string | null;
  employer_org_id: number | null;
  residence_community_id: number | null;
  in_service: boolean;
  created_at: CreatedAt;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  /** The user the token acts as (its role and organization are the user's). */
  user_id: number;
  token_hash: string;
  token_prefix: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  action: string;
  entity: string;
  entity_id: string;
  org_id: number | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  request_id: string | null;
}

export interface CycleTable {
  year: number;
  state: ColumnType<CycleState, CycleState | undefined, CycleState>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
  published_on: ColumnType<DateString | null, never, DateString | null>;
  appeal_deadline: ColumnType<DateString | null, never, DateString | null>;
  finalized_at: ColumnType<Date | null, never, Date | null>;
  final_revision_id: ColumnType<number | null, never, number | null>;
  self_assessment_opens: ColumnType<DateString | null, never, DateString | null>;
  self_assessment_closes: ColumnType<DateString | null, never, DateString | null>;
  /** 补录: records of the year are still taken in 评议中 until this date (inclusive). */
  late_entry_until: ColumnType<DateString | null, never, DateString | null>;
}

/** A ledger kind of the catalog: append-only (a code is never changed or deleted; a kind in use is retired). */
export interface RecordKindTable {
  code: string;
  name: string;
  group_name: string;
  /** 'hours': a record of this kind must give its hours. */
  unit: 'times' | 'hours';
  measure: 'outcome' | 'trace';
  sort: number;
  /** How often the kind is expected; null: as it happens. */
  period: 'month' | 'quarter' | 'year' | null;
  created_by: string;
  created_at: CreatedAt;
  /** Set once: no new records of the kind; its records and the rule sets naming it stay valid. */
  retired_at: Date | null;
}

/** Assessment categories (考核类别) of the catalog: rule sets apply to them and rankings are within them. */
export interface CategoryTable {
  code: string;
  label: string;
  sort: number;
  created_by: string;
  created_at: CreatedAt;
  /** Set once: no organization may take it any more; its organizations, pins and results stay valid. */
  retired_at: Date | null;
}

export interface LedgerRecordTable {
  id: Generated<number>;
  org_id: number;
  cycle_year: number;
  kind: string;
  occurred_on: DateString;
  title: string;
  participants: number;
  hours: Decimal | null;
  evidence: Json<LedgerEvidence[]>;
  status: ColumnType<RecordStatus, RecordStatus | undefined, RecordStatus>;
  source: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: CreatedAt;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_reason: string | null;
}

export interface LedgerParticipantTable {
  record_id: number;
  member_id: number;
}

export interface MeetingTable {
  id: Generated<number>;
  cycle_year: number;
  kind: 'joint_meeting' | 'policy_study';
  host_org_id: number;
  title: string;
  held_on: DateString;
  created_by: string;
  created_at: CreatedAt;
}

export interface MeetingAttendanceTable {
  meeting_id: number;
  org_id: number;
  status: AttendanceStatus;
  note: string | null;
}

export interface AgreementTable {
  id: Generated<number>;
  community_id: number;
  unit_id: number;
  year: number;
  content: string;
  signed_on: DateString | null;
  created_at: CreatedAt;
}

/** 资源清单: what an organization offers a community (or a street). */
export interface CbResourceTable {
  id: Generated<number>;
  org_id: number;
  offered_to_id: number;
  kind: ListKind;
  title: string;
  description: string;
  capacity: string | null;
  contact: string | null;
  offered_on: DateString;
  available_to: DateString | null;
  withdrawn_on: DateString | null;
  created_by: string;
  created_at: CreatedAt;
}

export type ListKind = 'venue' | 'talent' | 'funds' | 'goods' | 'service' | 'other';
export type NeedState = 'open' | 'in_project' | 'met' | 'dropped';
export type ProjectState = 'open' | 'claimed' | 'closing' | 'closed';

/** 需求清单: what a community or grid collected from its residents. */
export interface CbNeedTable {
  id: Generated<number>;
  org_id: number;
  kind: ListKind;
  title: string;
  description: string;
  residents: number | null;
  urgency: 'normal' | 'urgent';
  source: 'visit' | 'council' | 'grid_report' | 'resident_order';
  raised_on: DateString;
  state: NeedState;
  met_on: DateString | null;
  created_by: string;
  created_at: CreatedAt;
}

/** 项目清单: a community's project, claimed by the unit that becomes responsible for it. */
export interface CbProjectTable {
  id: Generated<number>;
  community_id: number;
  responsible_id: number | null;
  title: string;
  goal: string;
  planned_start: DateString;
  planned_end: DateString;
  state: ProjectState;
  created_on: DateString;
  claimed_on: DateString | null;
  close_proposed_on: DateString | null;
  closed_on: DateString | null;
  sent_back: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: CreatedAt;
}

/** What a project matches: a need, a resource, or a cooperating organization (one per row). */
export interface CbProjectLinkTable {
  project_id: number;
  need_id: number | null;
  resource_id: number | null;
  partner_id: number | null;
}

export type WishState = 'open' | 'claimed' | 'fulfilled' | 'confirmed';

/** 微心愿: one resident's wish, published with consent, claimed, fulfilled and confirmed by the resident. */
export interface CbWishTable {
  id: Generated<number>;
  org_id: number;
  wish: string;
  resident_alias: string;
  resident_contact: string | null;
  contact_deleted_on: DateString | null;
  consent_on: DateString;
  raised_on: DateString;
  state: WishState;
  claimer_id: number | null;
  claimer_member: string | null;
  claimed_on: DateString | null;
  fulfilled_on: DateString | null;
  fulfil_text: string | null;
  fulfil_file_ids: Json<number[]>;
  confirm_code_hash: string | null;
  confirmed_on: DateString | null;
  created_by: string;
  created_at: CreatedAt;
}

/** 轮值主席: one term of a community's 大党委 chair, held by a member unit within one year. */
export interface CbChairTable {
  id: Generated<number>;
  community_id: number;
  unit_id: number;
  starts_on: DateString;
  ends_on: DateString;
  duties: string | null;
  created_by: string;
  created_at: CreatedAt;
}

/** 进度台账: a project's dated entries (progress, 销号 proposed, sent back, closed), each with its files. */
export interface CbProgressTable {
  id: Generated<number>;
  project_id: number;
  kind: 'progress' | 'close_proposed' | 'sent_back' | 'closed';
  entry_on: DateString;
  text: string;
  file_ids: Json<number[]>;
  org_id: number;
  created_by: string;
  created_at: CreatedAt;
}

/** 责任分解: a task of a project, by one of its organizations, due on a date; some are the project's nodes (里程碑). */
export interface CbProjectTaskTable {
  id: Generated<number>;
  project_id: number;
  title: string;
  org_id: number;
  person: string | null;
  due_on: DateString;
  milestone: ColumnType<boolean, boolean | undefined, boolean>;
  done_on: DateString | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface CheckinTable {
  id: Generated<number>;
  member_id: number;
  community_id: number;
  cycle_year: number;
  kind: 'report' | 'service';
  occurred_on: DateString;
  hours: Decimal | null;
  activity: string | null;
  source: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: CreatedAt;
}

export interface RuleSetTable {
  hash: string;
  id: string;
  version: string;
  title: string;
  categories: Json<string[]>;
  body: Json<unknown>;
  created_at: CreatedAt;
}

/** A rule-set draft: its text (kept while it does not compile), what it compiles to, where it came from, whether published. */
export interface RuleSetDraftTable {
  id: Generated<number>;
  rule_set_id: string | null;
  title: string | null;
  version: string | null;
  categories: ColumnType<string[], string | undefined, string>;
  source: string;
  hash: string | null;
  issues: ColumnType<{ path: string; message: string; line: number | null; severity: 'error' | 'warning' }[], string | undefined, string>;
  based_on: string | null;
  origin: 'file' | 'console' | 'cli';
  file: string | null;
  created_by: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_by: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  published_year: number | null;
  published_hash: string | null;
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ScoreRevisionTable {
  id: Generated<number>;
  kind: ColumnType<'compute' | 'correction', 'compute' | 'correction' | undefined, never>;
  notes: Json<unknown> | null;
  cycle_year: number;
  rule_sets: Json<{ category: string; hash: string; id: string; version: string }[]>;
  org_count: number;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
  /** A delta revision's base: a full revision whose rows it shares where it has none of its own. */
  base_id: ColumnType<number | null, number | null | undefined, never>;
  /** The snapshot the revision was scored in (pg_snapshot as text): what a later delta has to score again is what it did not see. */
  marks_snapshot: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ScoreTable {
  revision_id: number;
  org_id: number;
  category: string;
  rule_set_hash: string;
  assessed: boolean;
  total: string;
  result: Json<unknown>;
  /** Grading's override references that held for the organization (from its facts); null without grading. */
  fired: ColumnType<string[] | null, string | null | undefined, string | null>;
}

export interface InspectionTable {
  id: Generated<number>;
  cycle_year: number;
  org_id: number;
  indicator: string;
  points: string;
  reason: string;
  evidence: Json<EvidenceRef[]>;
  inspected_on: DateString;
  created_by: string;
  created_at: CreatedAt;
}

export interface DeclaredFactTable {
  cycle_year: number;
  org_id: number;
  key: string;
  value: Json<unknown>;
  note: string | null;
  created_by: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** 自评 + 上级评定 of one indicator: either half may still be missing (null with its who and when). */
export interface SelfAssessmentTable {
  cycle_year: number;
  org_id: number;
  indicator: string;
  self_points: string | null;
  self_note: string | null;
  self_by: string | null;
  self_at: Date | null;
  review_points: string | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

export type OrgRecordType = 'honour' | 'innovation' | 'discipline' | 'clean_record' | 'weak_lax' | 'veto' | 'direct_grade';
export type Level = 'street' | 'district' | 'city' | 'province' | 'national';

export interface OrgRecordTable {
  id: Generated<number>;
  cycle_year: number;
  org_id: number;
  type: OrgRecordType;
  level: Level | null;
  title: string;
  grade: string | null;
  reason: string;
  approver: string | null;
  evidence: Json<EvidenceRef[]>;
  recorded_on: DateString;
  created_by: string;
  created_at: CreatedAt;
}

export interface GradeTable {
  revision_id: number;
  org_id: number;
  grade: string | null;
  grade_label: string | null;
  rank_category: number | null;
  rank_parent: number | null;
  lagging: boolean;
  move: string | null;
  last_grade: string | null;
  detail: Json<unknown>;
  /** The kind of the step that decided the grade (the phrasebook's code); null when not graded. */
  decided_by: DecidedBy | null;
}

export type DecidedBy = 'band' | 'direct' | 'prerequisite' | 'cap' | 'veto' | 'yearOverYear' | 'quota' | 'correction';

export interface AppealTable {
  id: Generated<number>;
  cycle_year: number;
  org_id: number;
  revision_id: number;
  reason: string;
  evidence: Json<EvidenceRef[]>;
  status: ColumnType<'open' | 'accepted' | 'rejected', 'open' | undefined, 'accepted' | 'rejected'>;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface CorrectionTable {
  id: Generated<number>;
  cycle_year: number;
  org_id: number;
  from_revision_id: number;
  to_revision_id: number;
  reason: string;
  before: Json<unknown>;
  after: Json<unknown>;
  created_by: string;
  created_at: CreatedAt;
}

export interface CycleRuleSetTable {
  cycle_year: number;
  category: string;
  rule_set_hash: string;
  pinned_by: string;
  pinned_at: ColumnType<Date, Date | undefined, Date>;
}

export interface RulePreviewTable {
  id: Generated<number>;
  cycle_year: number;
  rule_set_hash: string;
  summary: Json<unknown>;
  created_by: string;
  created_at: CreatedAt;
}

/** How far a job has come: the step it is on (in Chinese, for the page) and its count of done out of total. */
export type JobProgress = { step: string; done: number; total: number; percent: number; unit?: string };
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A score job shared with other worker processes while it runs (features/scoring/score-share.ts). */
export interface ScoreShareTable {
  id: Generated<number>;
  job_id: number;
  snapshot: string;
  owner: string;
  cycle_year: number;
  plan: ColumnType<SharePlan, string, string>;
  created_at: ColumnType<Date, never, never>;
}
/** What a helper needs besides the snapshot: the rule sets by hash, and each part's organizations ([id, category]). */
export type SharePlan = {
  /** The coordinator's day in China (its `now()`): a helper whose transaction starts on another day does not help. */
  today: string;
  ruleSets: { hash: string; file: string; body: unknown; pinned: boolean }[];
  parts: { ruleSet: number; orgs: [number, string][] }[];
};
/** A part's staged result, one row per organization: what the coordinator stores and grades from. */
export interface ScoreShareRowTable {
  share_id: number;
  part: number;
  org_id: number;
  assessed: boolean;
  total: string;
  result: string;
  fired: ColumnType<string[] | null, string | null, never>;
  grade: ColumnType<{ parts: Record<string, string>; indicators: GradeIndicator[] } | null, string | null, never>;
}
type GradeIndicator = { id: string; title: string; partId: string; points: string; max: string | null };

/** A piece of long work (features/jobs): the record pages read; the queue only carries its id. */
export interface JobTable {
  id: Generated<number>;
  kind: 'book' | 'score';
  dedupe_key: string;
  org_id: number;
  cycle_year: number;
  /** The revision a book prints; null for a score job, which makes one (its result names it). */
  revision_id: number | null;
  params: ColumnType<Record<string, unknown>, string, string>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  progress: ColumnType<JobProgress | null, string | null | undefined, string | null>;
  result_file_id: number | null;
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  requested_by_user: number | null;
  requested_by_name: string;
  created_at: CreatedAt;
  started_at: Date | null;
  heartbeat_at: Date | null;
  finished_at: Date | null;
}

export interface DocumentTable {
  id: string;
  kind: 'scorecard' | 'rankings';
  cycle_year: number;
  org_id: number;
  revision_id: number;
  content_hash: string;
  /** The content model's version the hash was made with (1: before the ranking list's reasons). */
  content_version: ColumnType<number, number | undefined, number>;
  title: string;
  created_by: string;
  created_at: CreatedAt;
}

export type ReviewKind = 'secretary' | 'chair';
export type ReviewState = 'draft' | 'open' | 'closed';
export type TwowayDirection = 'community_rates_unit' | 'unit_rates_community';
export type ReviewItem = { key: string; label: string };
export type RaterGroup = { key: string; label: string; weight: number };

export interface DutyReportTable {
  id: Generated<number>;
  cycle_year: number;
  kind: ReviewKind;
  org_id: number;
  text: string;
  /** The attachment, a file of the storage port owned by the same organization. */
  attachment_file_id: number | null;
  submitted_by: string;
  submitted_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ReviewSessionTable {
  id: Generated<number>;
  cycle_year: number;
  kind: ReviewKind;
  org_id: number;
  title: string;
  state: ColumnType<ReviewState, ReviewState | undefined, ReviewState>;
  items: Json<ReviewItem[]>;
  rater_groups: Json<RaterGroup[]>;
  /** A sheet may cover a subset of its rater's subjects (those the rater knows). */
  partial_sheets: ColumnType<boolean, boolean | undefined, boolean>;
  /** Held on paper only: opened without codes or reviewer accounts; the sheets come by import. */
  paper_only: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string;
  created_at: CreatedAt;
  opened_at: Date | null;
  closed_at: Date | null;
}

export interface ReviewSubjectTable {
  session_id: number;
  org_id: number;
  cycle_year: number;
  kind: ReviewKind;
}

export interface ReviewRaterTable {
  id: Generated<number>;
  session_id: number;
  group_key: string;
  /** A reviewer account, or else a one-time code's hash. */
  user_id: number | null;
  code_hash: string | null;
  /** The subjects this rater rates (a group such as "本单位" rates its own secretary only); null: all of them. */
  subject_org_ids: Json<number[]> | null;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface ReviewVoteTable {
  id: Generated<string>;
  session_id: number;
  subject_org_id: number;
  group_key: string;
  answers: Json<Record<string, string>>;
}

export interface TwowayEvaluationTable {
  id: Generated<number>;
  agreement_id: number;
  cycle_year: number;
  direction: TwowayDirection;
  items: Json<Record<string, number>>;
  total: Decimal;
  comment: string | null;
  by_org_id: number;
  submitted_by: string;
  submitted_at: ColumnType<Date, Date | undefined, Date>;
}

/** What a computed item of a two-way form gives for each outcome of the pair's co-building lists in the year. */
export type TwowayComputed = { closedOnTime: number; closedLate: number; wishFulfilled: number; overdueOpen: number };
export type TwowayFormItem = { key: string; label: string; max: number; computed?: TwowayComputed };

/** A version of one direction's two-way evaluation form (the catalog); a year keeps the version it was pinned to. */
export interface TwowayFormTable {
  id: Generated<number>;
  direction: TwowayDirection;
  version: number;
  items: Json<TwowayFormItem[]>;
  created_by: string;
  created_at: CreatedAt;
}

export interface TwowayFormPinTable {
  cycle_year: number;
  direction: TwowayDirection;
  form_id: number;
  pinned_at: CreatedAt;
}

export interface MemberFeedbackTable {
  id: Generated<number>;
  agreement_id: number | null;
  community_id: number;
  member_id: number;
  cycle_year: number;
  reported: boolean;
  hours: Decimal;
  rating: string | null;
  comment: string | null;
  submitted_by: string;
  submitted_at: ColumnType<Date, Date | undefined, Date>;
}

export type CampaignState = 'draft' | 'open' | 'closed';
export type CampaignSubject = 'org' | 'project';
export type Choice = { key: string; label: string };

export interface RatingCampaignTable {
  id: Generated<number>;
  cycle_year: number;
  /** The organizing Party committee: targets lie in its subtree. */
  org_id: number;
  title: string;
  /** What the targets are: organizations, or finished co-building projects (each under its community). */
  subject: ColumnType<CampaignSubject, CampaignSubject | undefined, never>;
  state: ColumnType<CampaignState, CampaignState | undefined, CampaignState>;
  items: Json<Choice[]>;
  answers: Json<Choice[]>;
  rater_groups: Json<string[]>;
  opens_on: DateString;
  closes_on: DateString;
  created_by: string;
  created_at: CreatedAt;
  opened_at: Date | null;
  closed_at: Date | null;
}

export interface RatingTargetTable {
  id: Generated<number>;
  campaign_id: number;
  cycle_year: number;
  /** The organization rated, or for a project the project's community. */
  org_id: number;
  project_id: ColumnType<number | null, number | null | undefined, never>;
}

export interface BallotBatchTable {
  id: Generated<number>;
  campaign_id: number;
  target_id: number;
  rater_group: string;
  count: number;
  expires_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface BallotCodeTable {
  id: Generated<number>;
  code_hash: string;
  batch_id: number;
  target_id: number;
  rater_group: string;
  expires_at: Date | null;
  used_at: Date | null;
}

export interface BallotTable {
  id: Generated<number>;
  campaign_id: number;
  target_id: number;
  org_id: number;
  rater_group: string;
  /** { itemKey: answerKey } */
  answers: Json<Record<string, string>>;
  source: 'online' | 'paper';
  /** Salted SHA-256 of the client address; never the address itself. */
  client_key: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  voided_at: Date | null;
  voided_by: string | null;
  void_reason: string | null;
}

/** A ballot cast online, kept here until its campaign's ballots are next moved to `ballots` (shuffled). */
export interface PendingBallotTable {
  id: Generated<string>;
  campaign_id: number;
  target_id: number;
  org_id: number;
  rater_group: string;
  answers: Json<Record<string, string>>;
  client_key: string | null;
  created_at: Date;
}

/** A review sheet, kept here until its session closes; then its votes go to `review_votes` (shuffled). */
export interface PendingReviewSheetTable {
  id: Generated<string>;
  session_id: number;
  votes: Json<{ subject_org_id: number; group_key: string; answers: Record<string, string> }[]>;
}

export interface Database extends AccountTables {
  organizations: OrganizationTable;
  members: MemberTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  cycles: CycleTable;
  self_assessments: SelfAssessmentTable;
  record_kinds: RecordKindTable;
  categories: CategoryTable;
  ledger_records: LedgerRecordTable;
  files: FileTable;
  ledger_participants: LedgerParticipantTable;
  meetings: MeetingTable;
  meeting_attendance: MeetingAttendanceTable;
  agreements: AgreementTable;
  cb_resources: CbResourceTable;
  cb_needs: CbNeedTable;
  cb_projects: CbProjectTable;
  cb_project_links: CbProjectLinkTable;
  cb_progress: CbProgressTable;
  cb_project_tasks: CbProjectTaskTable;
  cb_wishes: CbWishTable;
  cb_chairs: CbChairTable;
  checkins: CheckinTable;
  rule_sets: RuleSetTable;
  rule_set_drafts: RuleSetDraftTable;
  score_revisions: ScoreRevisionTable;
  /** A view: every revision read whole, a delta revision's own rows over its base's (`score_rows` holds them). */
  scores: ScoreTable;
  score_rows: ScoreTable;
  /** Organizations whose facts a write may have changed (triggers), with the transaction that marked them last (`xact`, read in SQL). */
  score_dirty: { cycle_year: number; org_id: number };
  /** Cycles a wider write changed as a whole. */
  score_dirty_years: { cycle_year: number };
  inspections: InspectionTable;
  declared_facts: DeclaredFactTable;
  org_records: OrgRecordTable;
  /** A view, as `scores`. */
  grades: GradeTable;
  grade_rows: GradeTable;
  documents: DocumentTable;
  jobs: JobTable;
  score_shares: ScoreShareTable;
  score_share_parts: { share_id: number; part: number; worker: string };
  score_share_rows: ScoreShareRowTable;
  appeals: AppealTable;
  corrections: CorrectionTable;
  cycle_rule_sets: CycleRuleSetTable;
  rule_previews: RulePreviewTable;
  duty_reports: DutyReportTable;
  review_sessions: ReviewSessionTable;
  review_subjects: ReviewSubjectTable;
  review_raters: ReviewRaterTable;
  review_votes: ReviewVoteTable;
  twoway_evaluations: TwowayEvaluationTable;
  twoway_forms: TwowayFormTable;
  twoway_form_pins: TwowayFormPinTable;
  member_feedback: MemberFeedbackTable;
  rating_campaigns: RatingCampaignTable;
  rating_targets: RatingTargetTable;
  ballot_batches: BallotBatchTable;
  ballot_codes: BallotCodeTable;
  ballots: BallotTable;
  pending_ballots: PendingBallotTable;
  pending_review_sheets: PendingReviewSheetTable;
}
