ALTER TABLE "commands" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "commands" ADD COLUMN "lease_until" timestamp with time zone;