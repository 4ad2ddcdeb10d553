CREATE TABLE "ingest_jobs" (
	"job_id" text PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"branch" text NOT NULL,
	"idempotency_key" text,
	"source" text NOT NULL,
	"connector_id" text,
	"file_name" text NOT NULL,
	"size_bytes" bigint,
	"content_hash" text,
	"phase" text NOT NULL,
	"options" jsonb NOT NULL,
	"layout" jsonb,
	"read_result" jsonb,
	"proposed_schema" jsonb,
	"inference" jsonb,
	"commit_request" jsonb,
	"version_id" text NOT NULL,
	"auto_commit" boolean DEFAULT false NOT NULL,
	"error" jsonb,
	"created_by" text NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ingest_jobs_live_key" ON "ingest_jobs" USING btree ("dataset_id","idempotency_key") WHERE "ingest_jobs"."idempotency_key" is not null and "ingest_jobs"."phase" not in ('failed', 'abandoned');--> statement-breakpoint
CREATE INDEX "ingest_jobs_dataset" ON "ingest_jobs" USING btree ("dataset_id","created_at");--> statement-breakpoint
CREATE INDEX "ingest_jobs_working" ON "ingest_jobs" USING btree ("phase","lease_until");