CREATE TABLE "oit_answers" (
	"agency_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"has" boolean,
	"urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"clarification" text,
	"clarification_urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "oit_answers_agency_id_assessment_id_item_id_pk" PRIMARY KEY("agency_id","assessment_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "oit_check_runs" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "oit_check_runs_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "oit_checklists" (
	"agency_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"windows" jsonb,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	CONSTRAINT "oit_checklists_agency_id_assessment_id_pk" PRIMARY KEY("agency_id","assessment_id")
);
--> statement-breakpoint
CREATE TABLE "oit_checks" (
	"agency_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"status" text NOT NULL,
	"url" text,
	"reason" text NOT NULL,
	"reason_en" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"sha256" text,
	"run_id" uuid,
	CONSTRAINT "oit_checks_agency_id_assessment_id_item_id_pk" PRIMARY KEY("agency_id","assessment_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "oit_verdicts" (
	"agency_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"verdict" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text NOT NULL,
	CONSTRAINT "oit_verdicts_agency_id_assessment_id_item_id_pk" PRIMARY KEY("agency_id","assessment_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "oit_answers" ADD CONSTRAINT "oit_answers_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_check_runs" ADD CONSTRAINT "oit_check_runs_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_checklists" ADD CONSTRAINT "oit_checklists_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_checks" ADD CONSTRAINT "oit_checks_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_verdicts" ADD CONSTRAINT "oit_verdicts_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oit_check_runs_assessment" ON "oit_check_runs" USING btree ("agency_id","assessment_id","created_at");--> statement-breakpoint
CREATE INDEX "oit_check_runs_status" ON "oit_check_runs" USING btree ("status");