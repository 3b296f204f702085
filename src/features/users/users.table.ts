import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../../db/database';

type CreatedAt = ColumnType<Date, never, never>;

/** 'person' signs in with a password; 'script' only acts through its API tokens. */
export type UserKind = 'person' | 'script';

export interface UserTable {
  id: Generated<number>;
  /** Lower case; unique. */
  login: string;
  display_name: string;
  role: Role;
  org_id: number;
  kind: ColumnType<UserKind, UserKind | undefined, UserKind>;
  phone: string | null;
  /** `scrypt$N$r$p$salt$hash` (base64); null for script users and accounts never given a password. */
  password_hash: string | null;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: Date | null;
  failed_count: ColumnType<number, number | undefined, number>;
  locked_until: Date | null;
  disabled_at: Date | null;
  last_sign_in_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface UserSessionTable {
  /** SHA-256 of the cookie's value. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  revoked_at: Date | null;
  address: string | null;
  user_agent: string | null;
}

export type SignInOutcome = 'ok' | 'bad_password' | 'unknown_user' | 'locked' | 'throttled' | 'disabled' | 'no_password';

export interface SignInAttemptTable {
  id: Generated<number>;
  at: ColumnType<Date, Date | undefined, never>;
  login: string;
  user_id: number | null;
  address: string;
  outcome: SignInOutcome;
}

export interface RateLimitTable {
  key: string;
  hits: number;
  reset_at: Date;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;

/** The tables of accounts, merged into the Database type. */
export interface AccountTables {
  users: UserTable;
  user_sessions: UserSessionTable;
  sign_in_attempts: SignInAttemptTable;
  rate_limits: RateLimitTable;
}
