CREATE TYPE "public"."introduction_response" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "introduction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"run_id" uuid,
	"mentee_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"mentee_response" "introduction_response" DEFAULT 'pending' NOT NULL,
	"mentor_response" "introduction_response" DEFAULT 'pending' NOT NULL,
	"relationship_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matching_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"pins" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"forbids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pairs" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_run_id_matching_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."matching_run"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_mentee_id_person_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_mentor_id_person_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_run" ADD CONSTRAINT "matching_run_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_run" ADD CONSTRAINT "matching_run_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "introduction_mentee_idx" ON "introduction" USING btree ("mentee_id");--> statement-breakpoint
CREATE INDEX "introduction_mentor_idx" ON "introduction" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "introduction_programme_idx" ON "introduction" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "matching_run_programme_idx" ON "matching_run" USING btree ("programme_id","created_at");