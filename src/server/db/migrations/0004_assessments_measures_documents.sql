CREATE TABLE "assessments" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"framework_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "assessments_agency_year" UNIQUE("agency_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"agency_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blobs_agency_id_sha256_pk" PRIMARY KEY("agency_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"input" jsonb NOT NULL,
	"files" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "documents_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "documents_version" UNIQUE("agency_id","assessment_id","kind","version")
);
--> statement-breakpoint
CREATE TABLE "measure_files" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "measure_files_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"steps" jsonb NOT NULL,
	"responsible" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"oit_items" jsonb NOT NULL,
	"monitoring" jsonb NOT NULL,
	"start_date" date,
	"due_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"evidence_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"agency_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"emailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_agency_id_measure_id_day_pk" PRIMARY KEY("agency_id","measure_id","day")
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"as_of" date NOT NULL,
	"summary" text NOT NULL,
	"entries" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "progress_reports_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "progress_reports_kind" UNIQUE("agency_id","assessment_id","kind")
);
--> statement-breakpoint
CREATE TABLE "results" (
	"agency_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"source" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"oit" jsonb,
	"official_overall" double precision,
	"official_level" text,
	"computed_overall" double precision NOT NULL,
	"computed_level" text NOT NULL,
	"discrepancy" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "results_agency_id_assessment_id_pk" PRIMARY KEY("agency_id","assessment_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_files" ADD CONSTRAINT "measure_files_agency_id_measure_id_measures_agency_id_id_fk" FOREIGN KEY ("agency_id","measure_id") REFERENCES "public"."measures"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_files" ADD CONSTRAINT "measure_files_agency_id_sha256_blobs_agency_id_sha256_fk" FOREIGN KEY ("agency_id","sha256") REFERENCES "public"."blobs"("agency_id","sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_agency_id_measure_id_measures_agency_id_id_fk" FOREIGN KEY ("agency_id","measure_id") REFERENCES "public"."measures"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measures_assessment" ON "measures" USING btree ("agency_id","assessment_id","position");--> statement-breakpoint
CREATE INDEX "measures_due" ON "measures" USING btree ("due_date");