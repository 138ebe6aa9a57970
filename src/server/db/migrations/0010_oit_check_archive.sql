CREATE TABLE "oit_check_archive" (
	"agency_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"url" text NOT NULL,
	"final_url" text NOT NULL,
	"http_status" integer,
	"content_type" text,
	"sha256" text,
	"text" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"error" text,
	CONSTRAINT "oit_check_archive_agency_id_run_id_position_pk" PRIMARY KEY("agency_id","run_id","position")
);
--> statement-breakpoint
ALTER TABLE "oit_check_archive" ADD CONSTRAINT "oit_check_archive_agency_id_run_id_oit_check_runs_agency_id_id_fk" FOREIGN KEY ("agency_id","run_id") REFERENCES "public"."oit_check_runs"("agency_id","id") ON DELETE cascade ON UPDATE no action;