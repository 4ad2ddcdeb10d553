CREATE TABLE "connector_runs" (
	"run_id" text PRIMARY KEY NOT NULL,
	"connector_id" text NOT NULL,
	"revision" integer NOT NULL,
	"trigger" text NOT NULL,
	"scheduled_for" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text,
	"unchanged_by" text,
	"etag" text,
	"last_modified" text,
	"content_hash" text,
	"size_bytes" bigint,
	"version_id" text,
	"ingest_job_id" text,
	"error" jsonb
);
--> statement-breakpoint
CREATE TABLE "connector_schedules" (
	"connector_id" text PRIMARY KEY NOT NULL,
	"last_scheduled_for" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "connector_runs_connector" ON "connector_runs" USING btree ("connector_id","run_id");