CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"type" text NOT NULL,
	"province" text NOT NULL,
	"district" text NOT NULL,
	"website" text NOT NULL,
	"head_name" text,
	"head_position" text NOT NULL,
	"divisions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
