CREATE TABLE "survey_codes" (
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"assessment_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"batch" integer NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_codes_agency_id_code_pk" PRIMARY KEY("agency_id","code")
);
--> statement-breakpoint
CREATE TABLE "survey_flags" (
	"agency_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"peak" integer NOT NULL,
	CONSTRAINT "survey_flags_agency_id_assessment_id_tool_day_kind_pk" PRIMARY KEY("agency_id","assessment_id","tool","day","kind")
);
--> statement-breakpoint
CREATE TABLE "survey_otps" (
	"agency_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"contact_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"pass_hash" text,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_otps_agency_id_assessment_id_tool_contact_hash_pk" PRIMARY KEY("agency_id","assessment_id","tool","contact_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"channel" text NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_on" date NOT NULL,
	"idempotency_key" text NOT NULL,
	"straight_line" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_responses_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "survey_responses_idempotency" UNIQUE("agency_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "survey_tallies" (
	"agency_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"framework_id" text NOT NULL,
	"respondents" integer NOT NULL,
	"counts" integer[] NOT NULL,
	CONSTRAINT "survey_tallies_agency_id_assessment_id_tool_pk" PRIMARY KEY("agency_id","assessment_id","tool")
);
--> statement-breakpoint
CREATE TABLE "survey_tally_layouts" (
	"framework_id" text NOT NULL,
	"tool" text NOT NULL,
	"item_ids" text[] NOT NULL,
	"option_ids" text[] NOT NULL,
	CONSTRAINT "survey_tally_layouts_framework_id_tool_pk" PRIMARY KEY("framework_id","tool")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"agency_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"token" text NOT NULL,
	"access" text NOT NULL,
	"population" integer,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	CONSTRAINT "surveys_agency_id_assessment_id_tool_pk" PRIMARY KEY("agency_id","assessment_id","tool"),
	CONSTRAINT "surveys_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tallies" ADD CONSTRAINT "survey_tallies_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_agency_id_assessment_id_assessments_agency_id_id_fk" FOREIGN KEY ("agency_id","assessment_id") REFERENCES "public"."assessments"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_codes_batch" ON "survey_codes" USING btree ("agency_id","assessment_id","tool","batch");--> statement-breakpoint
CREATE INDEX "survey_responses_assessment" ON "survey_responses" USING btree ("agency_id","assessment_id","tool");