CREATE TABLE "event_ids" (
	"event_id" text PRIMARY KEY NOT NULL,
	"payload_hash" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"sequence_number" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_ledger" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"first_seq" bigint NOT NULL,
	"last_seq" bigint NOT NULL,
	"stream_key" text NOT NULL,
	"events" jsonb NOT NULL,
	"appended_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "event_ledger_stream_position" ON "event_ledger" USING btree ("aggregate_type","aggregate_id","first_seq");--> statement-breakpoint
CREATE INDEX "event_ledger_unpublished" ON "event_ledger" USING btree ("position") WHERE "event_ledger"."published_at" is null;