CREATE TABLE "framework_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"fiscal_year" integer NOT NULL,
	"base" text NOT NULL,
	"framework" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
