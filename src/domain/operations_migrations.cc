// The operations.db migrations. Money columns are *_minor (int64 minor units
// of the row's currency); rates are integers (see programme.rate); dates are
// ISO. Rows that carry money history (ledger, royalties, distributions,
// period closes) are insert-only: triggers refuse UPDATE and DELETE, so a
// correction can only be a new, reversing row.
#include "domain/operations_migrations.h"

namespace patnav::domain {

namespace {

constexpr Migration kMigrations[] = {
    {1, "alliances, members, charter, pools, contributions, licensing, royalties, ledger, distributions, fund, experts",
     R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE alliance(
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  address    TEXT,
  form       TEXT NOT NULL CHECK (form = 'business_entity' OR form = 'social_organization' OR form = 'cooperative_organization'),
  industry   TEXT,
  created_on TEXT NOT NULL
);

CREATE TABLE charter_item(
  alliance_id INTEGER NOT NULL REFERENCES alliance(id),
  item        INTEGER NOT NULL CHECK (item >= 1 AND item <= 9),
  text        TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (alliance_id, item)
) WITHOUT ROWID;

CREATE TABLE member(
  id            INTEGER PRIMARY KEY,
  alliance_id   INTEGER NOT NULL REFERENCES alliance(id),
  name          TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL CHECK (type = 'industry' OR type = 'university' OR type = 'research' OR type = 'finance' OR type = 'intermediary' OR type = 'application'),
  joined_on     TEXT NOT NULL,
  left_on       TEXT,
  contact       TEXT,
  applicant_key TEXT
);

CREATE TABLE pool(
  id           INTEGER PRIMARY KEY,
  alliance_id  INTEGER NOT NULL REFERENCES alliance(id),
  name         TEXT NOT NULL UNIQUE,
  scope        TEXT,
  standard     TEXT,
  clauses      TEXT,
  currency     TEXT NOT NULL,
  admin_fee_ppm INTEGER NOT NULL CHECK (admin_fee_ppm >= 0 AND admin_fee_ppm <= 1000000),
  created_on   TEXT NOT NULL
);

CREATE TABLE contribution(
  id                 INTEGER PRIMARY KEY,
  pool_id            INTEGER NOT NULL REFERENCES pool(id),
  publication_number TEXT NOT NULL,
  member_id          INTEGER NOT NULL REFERENCES member(id),
  contributed_on     TEXT NOT NULL,
  withdrawn_on       TEXT,
  essentiality       TEXT NOT NULL CHECK (essentiality = 'claimed' OR essentiality = 'essential' OR essentiality = 'rejected'),
  expires_on         TEXT NOT NULL,
  UNIQUE (pool_id, publication_number)
);
CREATE INDEX contribution_member ON contribution(member_id);
CREATE INDEX contribution_publication ON contribution(publication_number);

CREATE TABLE contribution_country(
  contribution_id INTEGER NOT NULL REFERENCES contribution(id),
  country         TEXT NOT NULL,
  PRIMARY KEY (contribution_id, country)
) WITHOUT ROWID;

CREATE TABLE essentiality_decision(
  id              INTEGER PRIMARY KEY,
  contribution_id INTEGER NOT NULL REFERENCES contribution(id),
  status          TEXT NOT NULL,
  decided_on      TEXT NOT NULL,
  evaluator       TEXT,
  note            TEXT
);

CREATE TABLE lapse(
  publication_number TEXT NOT NULL,
  country            TEXT NOT NULL,
  lapsed_on          TEXT NOT NULL,
  PRIMARY KEY (publication_number, country)
) WITHOUT ROWID;

CREATE TABLE patent_value(
  publication_number TEXT PRIMARY KEY,
  overall_centi      INTEGER NOT NULL,
  legal_centi        INTEGER NOT NULL,
  technical_centi    INTEGER NOT NULL,
  economic_centi     INTEGER NOT NULL,
  scored_at          TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE programme(
  id          INTEGER PRIMARY KEY,
  pool_id     INTEGER NOT NULL REFERENCES pool(id),
  name        TEXT NOT NULL UNIQUE,
  basis       TEXT NOT NULL CHECK (basis = 'per_unit' OR basis = 'net_sales' OR basis = 'lump_sum'),
  rate        INTEGER NOT NULL CHECK (rate >= 0),
  member_rate INTEGER CHECK (member_rate >= 0),
  cap_minor   INTEGER CHECK (cap_minor >= 0),
  currency    TEXT NOT NULL,
  created_on  TEXT NOT NULL
);

CREATE TABLE programme_country_rate(
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  country      TEXT NOT NULL,
  rate         INTEGER NOT NULL CHECK (rate >= 0),
  PRIMARY KEY (programme_id, country)
) WITHOUT ROWID;

CREATE TABLE licensee(
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  country    TEXT,
  member_id  INTEGER REFERENCES member(id),
  created_on TEXT NOT NULL
);

CREATE TABLE agreement(
  id             INTEGER PRIMARY KEY,
  licensee_id    INTEGER NOT NULL REFERENCES licensee(id),
  programme_id   INTEGER NOT NULL REFERENCES programme(id),
  territories    TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  created_on     TEXT NOT NULL
);
CREATE INDEX agreement_licensee ON agreement(licensee_id, programme_id);

CREATE TABLE royalty_report(
  id           INTEGER PRIMARY KEY,
  licensee_id  INTEGER NOT NULL REFERENCES licensee(id),
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  period       TEXT NOT NULL,
  source       TEXT,
  currency     TEXT NOT NULL,
  total_minor  INTEGER NOT NULL CHECK (total_minor >= 0),
  capped       INTEGER NOT NULL,
  txn_id       INTEGER REFERENCES ledger_txn(id),
  reported_at  TEXT NOT NULL
);
CREATE INDEX royalty_report_period ON royalty_report(programme_id, period);

CREATE TABLE royalty_line(
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES royalty_report(id),
  line_no         INTEGER NOT NULL,
  country         TEXT NOT NULL,
  units           INTEGER CHECK (units >= 0),
  net_sales_minor INTEGER CHECK (net_sales_minor >= 0),
  rate            INTEGER NOT NULL,
  royalty_minor   INTEGER NOT NULL CHECK (royalty_minor >= 0)
);
CREATE INDEX royalty_line_report ON royalty_line(report_id);

CREATE TABLE account(
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind = 'member' OR kind = 'pool' OR kind = 'administrator' OR kind = 'licensee' OR kind = 'fund' OR kind = 'loan' OR kind = 'suspense' OR kind = 'income')
);

CREATE TABLE ledger_txn(
  id        INTEGER PRIMARY KEY,
  posted_at TEXT NOT NULL,
  kind      TEXT NOT NULL,
  memo      TEXT,
  reverses  INTEGER UNIQUE REFERENCES ledger_txn(id)
);

CREATE TABLE ledger_entry(
  id           INTEGER PRIMARY KEY,
  txn_id       INTEGER NOT NULL REFERENCES ledger_txn(id),
  account_id   INTEGER NOT NULL REFERENCES account(id),
  currency     TEXT NOT NULL,
  amount_minor INTEGER NOT NULL
);
CREATE INDEX ledger_entry_txn ON ledger_entry(txn_id);
CREATE INDEX ledger_entry_account ON ledger_entry(account_id);

CREATE TABLE distribution(
  id                  INTEGER PRIMARY KEY,
  pool_id             INTEGER NOT NULL REFERENCES pool(id),
  period              TEXT NOT NULL,
  method              TEXT NOT NULL,
  value_weight_ppm    INTEGER NOT NULL,
  currency            TEXT NOT NULL,
  gross_minor         INTEGER NOT NULL,
  fee_minor           INTEGER NOT NULL,
  distributable_minor INTEGER NOT NULL,
  undistributed_minor INTEGER NOT NULL,
  txn_id              INTEGER NOT NULL REFERENCES ledger_txn(id),
  created_at          TEXT NOT NULL,
  UNIQUE (pool_id, period)
);

CREATE TABLE distribution_country(
  distribution_id   INTEGER NOT NULL REFERENCES distribution(id),
  country           TEXT NOT NULL,
  gross_minor       INTEGER NOT NULL,
  fee_minor         INTEGER NOT NULL,
  net_minor         INTEGER NOT NULL,
  eligible_patents  INTEGER NOT NULL,
  PRIMARY KEY (distribution_id, country)
) WITHOUT ROWID;

CREATE TABLE distribution_line(
  distribution_id    INTEGER NOT NULL REFERENCES distribution(id),
  country            TEXT NOT NULL,
  publication_number TEXT NOT NULL,
  member_id          INTEGER NOT NULL REFERENCES member(id),
  value_centi        INTEGER NOT NULL,
  amount_minor       INTEGER NOT NULL,
  PRIMARY KEY (distribution_id, country, publication_number)
) WITHOUT ROWID;
CREATE INDEX distribution_line_member ON distribution_line(member_id, distribution_id);

CREATE TABLE period_close(
  pool_id         INTEGER NOT NULL REFERENCES pool(id),
  period          TEXT NOT NULL,
  first_day       TEXT NOT NULL,
  last_day        TEXT NOT NULL,
  distribution_id INTEGER NOT NULL REFERENCES distribution(id),
  closed_at       TEXT NOT NULL,
  PRIMARY KEY (pool_id, period)
) WITHOUT ROWID;

CREATE TABLE loan(
  id              INTEGER PRIMARY KEY,
  alliance_id     INTEGER NOT NULL REFERENCES alliance(id),
  member_id       INTEGER NOT NULL REFERENCES member(id),
  currency        TEXT NOT NULL,
  principal_minor INTEGER NOT NULL CHECK (principal_minor > 0),
  rate_ppm        INTEGER NOT NULL CHECK (rate_ppm >= 0),
  start_on        TEXT NOT NULL,
  term_months     INTEGER NOT NULL CHECK (term_months > 0),
  txn_id          INTEGER NOT NULL REFERENCES ledger_txn(id)
);

CREATE TABLE loan_repayment(
  id              INTEGER PRIMARY KEY,
  loan_id         INTEGER NOT NULL REFERENCES loan(id),
  paid_on         TEXT NOT NULL,
  principal_minor INTEGER NOT NULL CHECK (principal_minor >= 0),
  interest_minor  INTEGER NOT NULL CHECK (interest_minor >= 0),
  txn_id          INTEGER NOT NULL REFERENCES ledger_txn(id)
);

CREATE TABLE expert(
  id          INTEGER PRIMARY KEY,
  alliance_id INTEGER NOT NULL REFERENCES alliance(id),
  name        TEXT NOT NULL,
  member_id   INTEGER REFERENCES member(id),
  field       TEXT,
  inventor    TEXT,
  contact     TEXT,
  UNIQUE (alliance_id, name)
);
)sql"
     // Insert-only tables: money history is corrected by new rows, never edited.
     R"sql(
CREATE TRIGGER ledger_entry_immutable_u BEFORE UPDATE ON ledger_entry BEGIN SELECT RAISE(ABORT, 'ledger entries are immutable: post a reversing transaction'); END;
CREATE TRIGGER ledger_entry_immutable_d BEFORE DELETE ON ledger_entry BEGIN SELECT RAISE(ABORT, 'ledger entries are immutable: post a reversing transaction'); END;
CREATE TRIGGER ledger_txn_immutable_u BEFORE UPDATE ON ledger_txn BEGIN SELECT RAISE(ABORT, 'ledger transactions are immutable: post a reversing transaction'); END;
CREATE TRIGGER ledger_txn_immutable_d BEFORE DELETE ON ledger_txn BEGIN SELECT RAISE(ABORT, 'ledger transactions are immutable: post a reversing transaction'); END;
CREATE TRIGGER royalty_report_immutable_u BEFORE UPDATE ON royalty_report BEGIN SELECT RAISE(ABORT, 'royalty reports are immutable'); END;
CREATE TRIGGER royalty_report_immutable_d BEFORE DELETE ON royalty_report BEGIN SELECT RAISE(ABORT, 'royalty reports are immutable'); END;
CREATE TRIGGER royalty_line_immutable_u BEFORE UPDATE ON royalty_line BEGIN SELECT RAISE(ABORT, 'royalty lines are immutable'); END;
CREATE TRIGGER royalty_line_immutable_d BEFORE DELETE ON royalty_line BEGIN SELECT RAISE(ABORT, 'royalty lines are immutable'); END;
CREATE TRIGGER distribution_immutable_u BEFORE UPDATE ON distribution BEGIN SELECT RAISE(ABORT, 'distributions are final'); END;
CREATE TRIGGER distribution_immutable_d BEFORE DELETE ON distribution BEGIN SELECT RAISE(ABORT, 'distributions are final'); END;
CREATE TRIGGER distribution_line_immutable_u BEFORE UPDATE ON distribution_line BEGIN SELECT RAISE(ABORT, 'distributions are final'); END;
CREATE TRIGGER distribution_line_immutable_d BEFORE DELETE ON distribution_line BEGIN SELECT RAISE(ABORT, 'distributions are final'); END;
CREATE TRIGGER period_close_immutable_u BEFORE UPDATE ON period_close BEGIN SELECT RAISE(ABORT, 'a closed period is final'); END;
CREATE TRIGGER period_close_immutable_d BEFORE DELETE ON period_close BEGIN SELECT RAISE(ABORT, 'a closed period is final'); END;
)sql"},
    {2, "per-country totals of each royalty report (what distributions and statements read); no member index on distribution lines",
     // IF [NOT] EXISTS: databases created by development builds between the
     // two steps already hold this shape under version 1.
     R"sql(
CREATE TABLE IF NOT EXISTS royalty_report_country(
  report_id       INTEGER NOT NULL REFERENCES royalty_report(id),
  country         TEXT NOT NULL,
  lines           INTEGER NOT NULL,
  units           INTEGER NOT NULL,
  net_sales_minor INTEGER NOT NULL,
  royalty_minor   INTEGER NOT NULL,
  PRIMARY KEY (report_id, country)
) WITHOUT ROWID;
INSERT OR IGNORE INTO royalty_report_country(report_id, country, lines, units, net_sales_minor, royalty_minor)
  SELECT report_id, country, count(*), coalesce(sum(units), 0), coalesce(sum(net_sales_minor), 0), sum(royalty_minor)
  FROM royalty_line GROUP BY report_id, country;
CREATE TRIGGER IF NOT EXISTS royalty_report_country_immutable_u BEFORE UPDATE ON royalty_report_country BEGIN SELECT RAISE(ABORT, 'royalty lines are immutable'); END;
CREATE TRIGGER IF NOT EXISTS royalty_report_country_immutable_d BEFORE DELETE ON royalty_report_country BEGIN SELECT RAISE(ABORT, 'royalty lines are immutable'); END;
DROP INDEX IF EXISTS distribution_line_member;
)sql"},
    {3, "each licensee belongs to one alliance (tenancy): licensee.alliance_id",
     // Existing licensees take the alliance of their first agreement's
     // programme, else of the member they are, else the only alliance; NULL
     // when none of these says (such a licensee is listed in no alliance).
     R"sql(
ALTER TABLE licensee ADD COLUMN alliance_id INTEGER REFERENCES alliance(id);
UPDATE licensee SET alliance_id = (
  SELECT p.alliance_id FROM agreement g JOIN programme pr ON pr.id = g.programme_id JOIN pool p ON p.id = pr.pool_id
  WHERE g.licensee_id = licensee.id ORDER BY g.id LIMIT 1);
UPDATE licensee SET alliance_id = (SELECT m.alliance_id FROM member m WHERE m.id = licensee.member_id)
  WHERE alliance_id IS NULL AND member_id IS NOT NULL;
UPDATE licensee SET alliance_id = (SELECT id FROM alliance)
  WHERE alliance_id IS NULL AND (SELECT count(*) FROM alliance) = 1;
CREATE INDEX licensee_alliance ON licensee(alliance_id);
)sql"},
    {4, "alliance recording (guidelines V(I)): applications, their append-only history, the management library; members flagged as national trading centres",
     R"sql(
ALTER TABLE member ADD COLUMN trading_centre INTEGER NOT NULL DEFAULT 0 CHECK (trading_centre IN (0, 1));
CREATE TABLE recording(
  id                INTEGER PRIMARY KEY,
  alliance_id       INTEGER NOT NULL REFERENCES alliance(id),
  province          TEXT NOT NULL,
  state             TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'needs_correction', 'province_review',
                                                   'national_review', 'recorded', 'rejected', 'withdrawn')),
  form_json         TEXT NOT NULL,
  record_number     TEXT UNIQUE,
  recorded_on       TEXT,
  rejection_reason  TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX recording_live ON recording(alliance_id) WHERE state NOT IN ('rejected', 'withdrawn');
CREATE INDEX recording_province ON recording(province, state);
CREATE TABLE recording_event(
  id            INTEGER PRIMARY KEY,
  recording_id  INTEGER NOT NULL REFERENCES recording(id),
  action        TEXT NOT NULL,
  from_state    TEXT,
  to_state      TEXT NOT NULL,
  actor         TEXT NOT NULL,
  role          TEXT NOT NULL,
  at            TEXT NOT NULL,
  comment       TEXT
);
CREATE INDEX recording_event_recording ON recording_event(recording_id, id);
CREATE TRIGGER recording_event_immutable_u BEFORE UPDATE ON recording_event BEGIN SELECT RAISE(ABORT, 'recording history is append-only'); END;
CREATE TRIGGER recording_event_immutable_d BEFORE DELETE ON recording_event BEGIN SELECT RAISE(ABORT, 'recording history is append-only'); END;
CREATE TABLE library_entry(
  id            INTEGER PRIMARY KEY,
  alliance_id   INTEGER NOT NULL REFERENCES alliance(id),
  recording_id  INTEGER NOT NULL REFERENCES recording(id),
  level         TEXT NOT NULL,
  entered_on    TEXT NOT NULL,
  entered_by    TEXT NOT NULL,
  UNIQUE (alliance_id, level)
);
)sql"},

    {5, "IP office records (issue 15 part 3): credibility (dishonesty) records, complaints, enforcement case files and their links, one append-only history",
     R"sql(
CREATE TABLE credit_record(
  id                  INTEGER PRIMARY KEY,
  province            TEXT NOT NULL,
  subject_name        TEXT NOT NULL,
  subject_code        TEXT NOT NULL,
  member_id           INTEGER REFERENCES member(id),
  category            TEXT NOT NULL,
  measures_json       TEXT NOT NULL,
  organ               TEXT NOT NULL,
  decision_number     TEXT NOT NULL UNIQUE,
  decided_on          TEXT NOT NULL,
  facts               TEXT,
  state               TEXT NOT NULL CHECK (state IN ('decided', 'notified', 'statement_filed', 'listed',
                                                     'repair_requested', 'repaired', 'expired', 'revoked')),
  notified_on         TEXT,
  statement           TEXT,
  statement_on        TEXT,
  listed_on           TEXT,
  listed_until        TEXT,
  repair_requested_on TEXT,
  repair_reason       TEXT,
  repair_decision     TEXT,
  ended_on            TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX credit_record_subject ON credit_record(subject_code, state);
CREATE INDEX credit_record_province ON credit_record(province, state);
CREATE TABLE complaint(
  id               INTEGER PRIMARY KEY,
  province         TEXT NOT NULL,
  kind             TEXT NOT NULL,
  complainant      TEXT NOT NULL,
  respondent       TEXT NOT NULL,
  respondent_code  TEXT,
  patent           TEXT,
  summary          TEXT NOT NULL,
  received_on      TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('received', 'accepted', 'not_accepted', 'mediation', 'clue_check',
                                                  'case_opened', 'closed')),
  stage_since      TEXT NOT NULL,
  due_on           TEXT,
  outcome          TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX complaint_province ON complaint(province, state);
CREATE TABLE enforcement_case(
  id            INTEGER PRIMARY KEY,
  province      TEXT NOT NULL,
  case_number   TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL,
  title         TEXT NOT NULL,
  complaint_id  INTEGER REFERENCES complaint(id),
  opened_on     TEXT NOT NULL,
  due_on        TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('open', 'decided', 'closed')),
  decision      TEXT,
  decided_on    TEXT,
  closed_on     TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX enforcement_case_province ON enforcement_case(province, state);
CREATE TABLE case_patent(
  case_id             INTEGER NOT NULL REFERENCES enforcement_case(id),
  publication_number  TEXT NOT NULL,
  PRIMARY KEY (case_id, publication_number)
) WITHOUT ROWID;
CREATE TABLE case_credit_record(
  case_id    INTEGER NOT NULL REFERENCES enforcement_case(id),
  record_id  INTEGER NOT NULL REFERENCES credit_record(id),
  PRIMARY KEY (case_id, record_id)
) WITHOUT ROWID;
CREATE TABLE office_event(
  id          INTEGER PRIMARY KEY,
  object      TEXT NOT NULL CHECK (object IN ('credit_record', 'complaint', 'case')),
  object_id   INTEGER NOT NULL,
  action      TEXT NOT NULL,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  on_date     TEXT NOT NULL,
  actor       TEXT NOT NULL,
  role        TEXT NOT NULL,
  at          TEXT NOT NULL,
  comment     TEXT
);
CREATE INDEX office_event_object ON office_event(object, object_id, id);
CREATE TRIGGER office_event_immutable_u BEFORE UPDATE ON office_event BEGIN SELECT RAISE(ABORT, 'office history is append-only'); END;
CREATE TRIGGER office_event_immutable_d BEFORE DELETE ON office_event BEGIN SELECT RAISE(ABORT, 'office history is append-only'); END;
)sql"},

    {6, "stored evaluation rounds (issue 15 part 2): indicator systems frozen by code and version, rounds, their subjects, observations with their data-call state, scored results and applied outcomes, one append-only history",
     R"sql(
CREATE TABLE indicator_system(
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL,
  version    TEXT NOT NULL,
  name       TEXT NOT NULL,
  json       TEXT NOT NULL,
  stored_by  TEXT NOT NULL,
  stored_at  TEXT NOT NULL,
  UNIQUE (code, version)
);
CREATE TRIGGER indicator_system_frozen_u BEFORE UPDATE ON indicator_system BEGIN SELECT RAISE(ABORT, 'a stored indicator system version is frozen'); END;
CREATE TRIGGER indicator_system_frozen_d BEFORE DELETE ON indicator_system BEGIN SELECT RAISE(ABORT, 'a stored indicator system version is frozen'); END;
CREATE TABLE eval_round(
  id            INTEGER PRIMARY KEY,
  system_id     INTEGER NOT NULL REFERENCES indicator_system(id),
  name          TEXT NOT NULL,
  province      TEXT NOT NULL,
  period        TEXT NOT NULL,
  subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('city', 'district', 'experimental_zone', 'pilot_unit',
                                                      'pilot_enterprise', 'alliance', 'enterprise')),
  weighting     TEXT NOT NULL CHECK (weighting IN ('fixed', 'ahp', 'entropy', 'critic')),
  state         TEXT NOT NULL CHECK (state IN ('data_call', 'self_assessment', 'provincial_review', 'expert_review',
                                               'publicity', 'final')),
  data_version  INTEGER NOT NULL DEFAULT 0,
  opened_by     TEXT NOT NULL,
  opened_at     TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX eval_round_province ON eval_round(province, state);
CREATE TABLE round_subject(
  id           INTEGER PRIMARY KEY,
  round_id     INTEGER NOT NULL REFERENCES eval_round(id),
  code         TEXT NOT NULL,
  name         TEXT NOT NULL,
  province     TEXT NOT NULL,
  member_id    INTEGER REFERENCES member(id),
  alliance_id  INTEGER REFERENCES alliance(id),
  added_by     TEXT NOT NULL,
  added_at     TEXT NOT NULL,
  UNIQUE (round_id, code)
);
CREATE TABLE round_observation(
  id             INTEGER PRIMARY KEY,
  round_id       INTEGER NOT NULL REFERENCES eval_round(id),
  subject_id     INTEGER NOT NULL REFERENCES round_subject(id),
  measure        TEXT NOT NULL,
  period         TEXT NOT NULL,
  value          REAL NOT NULL,
  source         TEXT,
  state          TEXT NOT NULL CHECK (state IN ('entered', 'submitted', 'verified', 'returned')),
  entered_by     TEXT NOT NULL,
  entered_at     TEXT NOT NULL,
  submitted_by   TEXT,
  submitted_at   TEXT,
  verified_by    TEXT,
  verified_at    TEXT,
  return_reason  TEXT,
  UNIQUE (round_id, subject_id, measure, period)
);
CREATE INDEX round_observation_subject ON round_observation(subject_id, state);
CREATE TABLE round_scoring(
  round_id      INTEGER PRIMARY KEY REFERENCES eval_round(id),
  weighting     TEXT NOT NULL,
  data_version  INTEGER NOT NULL,
  round_json    TEXT NOT NULL,
  scored_by     TEXT NOT NULL,
  scored_at     TEXT NOT NULL
);
CREATE TABLE round_result(
  round_id     INTEGER NOT NULL REFERENCES eval_round(id),
  subject_id   INTEGER NOT NULL REFERENCES round_subject(id),
  total        REAL NOT NULL,
  rank         INTEGER NOT NULL,
  vetoed       INTEGER NOT NULL CHECK (vetoed IN (0, 1)),
  proposed     TEXT,
  detail_json  TEXT NOT NULL,
  PRIMARY KEY (round_id, subject_id)
) WITHOUT ROWID;
CREATE TABLE round_outcome(
  id          INTEGER PRIMARY KEY,
  round_id    INTEGER NOT NULL REFERENCES eval_round(id),
  subject_id  INTEGER NOT NULL REFERENCES round_subject(id),
  rule        TEXT NOT NULL,
  ban_years   INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  applied_by  TEXT NOT NULL,
  applied_at  TEXT NOT NULL
);
CREATE INDEX round_outcome_subject ON round_outcome(round_id, subject_id, id);
CREATE TRIGGER round_outcome_immutable_u BEFORE UPDATE ON round_outcome BEGIN SELECT RAISE(ABORT, 'applied outcomes are append-only'); END;
CREATE TRIGGER round_outcome_immutable_d BEFORE DELETE ON round_outcome BEGIN SELECT RAISE(ABORT, 'applied outcomes are append-only'); END;
CREATE TABLE round_event(
  id          INTEGER PRIMARY KEY,
  round_id    INTEGER NOT NULL REFERENCES eval_round(id),
  action      TEXT NOT NULL,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  subject     TEXT,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  comment     TEXT
);
CREATE INDEX round_event_round ON round_event(round_id, id);
CREATE TRIGGER round_event_immutable_u BEFORE UPDATE ON round_event BEGIN SELECT RAISE(ABORT, 'round history is append-only'); END;
CREATE TRIGGER round_event_immutable_d BEFORE DELETE ON round_event BEGIN SELECT RAISE(ABORT, 'round history is append-only'); END;
)sql"},

    {7, "uploaded files of the recording materials (issue 15 part 1): one row per file, stored under a generated name in DIR/materials/",
     R"sql(
CREATE TABLE recording_file(
  id            INTEGER PRIMARY KEY,
  recording_id  INTEGER NOT NULL REFERENCES recording(id),
  material      TEXT NOT NULL CHECK (material IN ('application_form', 'charter', 'licences', 'member_list')),
  label         TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          INTEGER NOT NULL CHECK (size > 0),
  sha256        TEXT NOT NULL,
  stored_name   TEXT NOT NULL UNIQUE,
  uploaded_by   TEXT NOT NULL,
  uploaded_at   TEXT NOT NULL
);
CREATE INDEX recording_file_recording ON recording_file(recording_id, material, id);
)sql"},

    {8, "after recording (issue 15 part 1): annual and major-change reports with their due dates, rectification orders and removal from the record",
     R"sql(
ALTER TABLE recording ADD COLUMN removed_on TEXT;
ALTER TABLE recording ADD COLUMN removal_reason TEXT;
CREATE TABLE recording_report(
  id            INTEGER PRIMARY KEY,
  recording_id  INTEGER NOT NULL REFERENCES recording(id),
  kind          TEXT NOT NULL CHECK (kind IN ('annual', 'major_change')),
  year          INTEGER,
  change_kind   TEXT,
  changed_on    TEXT,
  summary       TEXT NOT NULL,
  due_on        TEXT NOT NULL,
  filed_on      TEXT NOT NULL,
  filed_by      TEXT NOT NULL,
  filed_at      TEXT NOT NULL,
  CHECK ((kind = 'annual' AND year IS NOT NULL) OR (kind = 'major_change' AND changed_on IS NOT NULL))
);
CREATE UNIQUE INDEX recording_report_annual ON recording_report(recording_id, year) WHERE kind = 'annual';
CREATE TRIGGER recording_report_immutable_u BEFORE UPDATE ON recording_report BEGIN SELECT RAISE(ABORT, 'filed reports are immutable'); END;
CREATE TRIGGER recording_report_immutable_d BEFORE DELETE ON recording_report BEGIN SELECT RAISE(ABORT, 'filed reports are immutable'); END;
CREATE TABLE rectification(
  id            INTEGER PRIMARY KEY,
  recording_id  INTEGER NOT NULL REFERENCES recording(id),
  reason        TEXT NOT NULL,
  ordered_on    TEXT NOT NULL,
  due_on        TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('ordered', 'reported', 'closed', 'removed')),
  report        TEXT,
  reported_on   TEXT,
  decision      TEXT,
  decided_on    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX rectification_recording ON rectification(recording_id, id);
)sql"},

    {9, "annual reviews of the management library (issue 15 part 1): one row per alliance, library level and year (retain, warning, remove), append-only",
     R"sql(
CREATE TABLE library_review(
  id           INTEGER PRIMARY KEY,
  alliance_id  INTEGER NOT NULL REFERENCES alliance(id),
  level        TEXT NOT NULL,
  year         INTEGER NOT NULL,
  decision     TEXT NOT NULL CHECK (decision IN ('retain', 'warning', 'remove')),
  reason       TEXT NOT NULL,
  reviewed_on  TEXT NOT NULL,
  reviewed_by  TEXT NOT NULL,
  UNIQUE (alliance_id, level, year)
);
CREATE INDEX library_review_level ON library_review(level, year);
CREATE TRIGGER library_review_immutable_u BEFORE UPDATE ON library_review BEGIN SELECT RAISE(ABORT, 'library reviews are append-only'); END;
CREATE TRIGGER library_review_immutable_d BEFORE DELETE ON library_review BEGIN SELECT RAISE(ABORT, 'library reviews are append-only'); END;
)sql"},

    {10, "landscapes shared with an alliance (issue 11): the landscape JSON and the report's words frozen when shared, with title, sharer and corpus size",
     R"sql(
CREATE TABLE shared_landscape(
  id             INTEGER PRIMARY KEY,
  alliance_id    INTEGER NOT NULL REFERENCES alliance(id),
  title          TEXT NOT NULL CHECK (length(title) > 0),
  query          TEXT NOT NULL,
  analyses       TEXT NOT NULL,
  patents        INTEGER NOT NULL CHECK (patents >= 0),
  store_patents  INTEGER NOT NULL CHECK (store_patents >= 0),
  landscape      TEXT NOT NULL,
  presentation   TEXT NOT NULL,
  shared_by      TEXT NOT NULL,
  shared_at      TEXT NOT NULL
);
CREATE INDEX shared_landscape_alliance ON shared_landscape(alliance_id, id);
)sql"},

};

}  // namespace

std::span<const Migration> OperationsMigrations() { return kMigrations; }

}  // namespace patnav::domain
