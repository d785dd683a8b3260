/**
 * The company's own registers and files: lists (migration 030), the drive (031), files of `file` fields (033);
 * and the webhooks its events go out through (034).
 */
export interface WorkspaceTables {
  lists: ListsTable;
  list_records: ListRecordsTable;
  drive_folders: DriveFoldersTable;
  drive_files: DriveFilesTable;
  drive_file_versions: DriveFileVersionsTable;
  uploads: UploadsTable;
  upload_links: UploadLinksTable;
  event_webhooks: EventWebhooksTable;
}

/** A list a company keeps: its fields and who reads and writes it. */
export interface ListsTable {
  id: string;
  /** Stable, for processes as files: `addListRecord` names the list by it. */
  key: string;
  name: string;
  description: string;
  /** JSON FieldDefinition[] (as CRM fields, without stages). */
  fields: string;
  /** JSON `{ read: string[], write: string[] }` of subjects (`everyone`, `user:…`, `role:…`, …). */
  rights: string;
  /** A template started about each new record; null: none. */
  process_key: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface ListRecordsTable {
  id: string;
  list_id: string;
  title: string;
  /** JSON field key → string, number, boolean or null. */
  values: string;
  /** Title and values in lower case, for search in any letter case. */
  search: string;
  /** The addListRecord job that made it (one record per job); null for a person's. */
  job_key: string | null;
  version: number;
  /** A user id, or `process:<instanceId>`. */
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
}

/** A folder of the company's drive and who reads and writes its files. */
export interface DriveFoldersTable {
  id: string;
  name: string;
  description: string;
  /** JSON `{ read: string[], write: string[] }` of subjects. */
  rights: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A file: one per name in its folder; a new upload of the name is its next version (its type, size and hash: the latest's). */
export interface DriveFilesTable {
  id: string;
  folder_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  /** The name in lower case, for search in any letter case. */
  search: string;
  version: number;
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
}

/** The bytes of each version of a file (the latest ones kept: files.ts `KEPT_VERSIONS`). */
export interface DriveFileVersionsTable {
  file_id: string;
  version: number;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  /** Who uploaded this version, and when. */
  created_by: string;
  created_at: number;
}

/** A file given to a `file` field: uploaded by someone, then linked to what holds it. */
export interface UploadsTable {
  id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: number;
}

/** What holds an upload: `instance:<id>`, or a CRM item's or list record's reference (`deal:<id>`, …). */
export interface UploadLinksTable {
  owner: string;
  file_id: string;
}

/** A URL Baton's events are sent to. */
export interface EventWebhooksTable {
  id: string;
  url: string;
  /** JSON array of event names (webhooks/events.ts). */
  events: string;
  /** Process events of this template only; null: every template's. */
  definition_key: string | null;
  /** 1 sends, 0 keeps it without sending. */
  active: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}
