CREATE TYPE "public"."story_audience" AS ENUM('programme', 'organisation');--> statement-breakpoint
CREATE TYPE "public"."story_status" AS ENUM('draft', 'submitted', 'changes_requested', 'published', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "programme_cohort" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_invitation" (
	"programme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sent_by_user_id" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_invitation_programme_id_person_id_pk" PRIMARY KEY("programme_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "programme_sponsor" (
	"programme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_sponsor_programme_id_person_id_pk" PRIMARY KEY("programme_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "story" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title_nl" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"body_nl" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"photo" "bytea",
	"photo_alt" text,
	"audience" "story_audience" DEFAULT 'programme' NOT NULL,
	"status" "story_status" DEFAULT 'draft' NOT NULL,
	"review_message" text,
	"reviewed_by_user_id" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_mention" (
	"story_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"approved_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "story_mention_story_id_person_id_pk" PRIMARY KEY("story_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "enrolment" ADD COLUMN "leader_shown_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enrolment" ADD COLUMN "leader_line" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "is_leadership" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_cohort" ADD CONSTRAINT "programme_cohort_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_cohort" ADD CONSTRAINT "programme_cohort_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_invitation" ADD CONSTRAINT "programme_invitation_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_invitation" ADD CONSTRAINT "programme_invitation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_invitation" ADD CONSTRAINT "programme_invitation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sponsor" ADD CONSTRAINT "programme_sponsor_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sponsor" ADD CONSTRAINT "programme_sponsor_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sponsor" ADD CONSTRAINT "programme_sponsor_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_mention" ADD CONSTRAINT "story_mention_story_id_story_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."story"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_mention" ADD CONSTRAINT "story_mention_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_cohort_start_idx" ON "programme_cohort" USING btree ("programme_id","starts_on");--> statement-breakpoint
CREATE INDEX "programme_sponsor_person_idx" ON "programme_sponsor" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "story_programme_idx" ON "story" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "story_org_idx" ON "story" USING btree ("organisation_id","status","published_at");--> statement-breakpoint
CREATE INDEX "story_author_idx" ON "story" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "story_mention_person_idx" ON "story_mention" USING btree ("person_id");