ALTER TABLE "assessments" ADD COLUMN "thresholds" jsonb;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "approved_on" date;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "options" jsonb DEFAULT '{}'::jsonb NOT NULL;