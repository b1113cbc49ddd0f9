CREATE TYPE "public"."goal_status" AS ENUM('open', 'in_progress', 'achieved', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."meeting_outcome" AS ENUM('held', 'not_held');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('planned', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."note_visibility" AS ENUM('shared', 'private');--> statement-breakpoint
CREATE TYPE "public"."rating_phase" AS ENUM('start', 'end');--> statement-breakpoint
ALTER TYPE "public"."request_status" ADD VALUE 'closed';--> statement-breakpoint
CREATE TABLE "agreement_confirmation" (
	"agreement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_confirmation_agreement_id_person_id_pk" PRIMARY KEY("agreement_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "goal_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_unsubscribe" (
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_unsubscribe_person_id_category_pk" PRIMARY KEY("person_id","category")
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"time_zone" text NOT NULL,
	"place" text,
	"video_url" text,
	"agenda" text DEFAULT '' NOT NULL,
	"status" "meeting_status" DEFAULT 'planned' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"outcome" "meeting_outcome",
	"outcome_notes" text,
	"outcome_by" uuid,
	"outcome_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship_agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"cadence_days" integer NOT NULL,
	"meeting_mode" text DEFAULT 'either' NOT NULL,
	"meeting_notes" text DEFAULT '' NOT NULL,
	"confidentiality" text DEFAULT '' NOT NULL,
	"hopes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship_ending" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship_goal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" "goal_status" DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"visibility" "note_visibility" NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship_read" (
	"relationship_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "relationship_read_relationship_id_person_id_pk" PRIMARY KEY("relationship_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "skill_rating" (
	"relationship_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"phase" "rating_phase" NOT NULL,
	"rating" integer NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_rating_relationship_id_person_id_skill_phase_pk" PRIMARY KEY("relationship_id","person_id","skill","phase")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "mentoring_request" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "profile" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "relationship" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationship" ADD COLUMN "paused_by" uuid;--> statement-breakpoint
ALTER TABLE "relationship" ADD COLUMN "pause_until" date;--> statement-breakpoint
ALTER TABLE "relationship" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "relationship_mentee" ADD COLUMN "reasons" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "relationship_mentee" ADD COLUMN "strength" integer;--> statement-breakpoint
ALTER TABLE "relationship_mentee" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_confirmation" ADD CONSTRAINT "agreement_confirmation_agreement_id_relationship_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."relationship_agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmation" ADD CONSTRAINT "agreement_confirmation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_note" ADD CONSTRAINT "goal_note_goal_id_relationship_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."relationship_goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_note" ADD CONSTRAINT "goal_note_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_unsubscribe" ADD CONSTRAINT "mail_unsubscribe_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_agreement" ADD CONSTRAINT "relationship_agreement_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_agreement" ADD CONSTRAINT "relationship_agreement_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_ending" ADD CONSTRAINT "relationship_ending_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_ending" ADD CONSTRAINT "relationship_ending_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_ending" ADD CONSTRAINT "relationship_ending_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_ending" ADD CONSTRAINT "relationship_ending_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_goal" ADD CONSTRAINT "relationship_goal_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_goal" ADD CONSTRAINT "relationship_goal_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_message" ADD CONSTRAINT "relationship_message_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_message" ADD CONSTRAINT "relationship_message_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_message" ADD CONSTRAINT "relationship_message_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_note" ADD CONSTRAINT "relationship_note_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_note" ADD CONSTRAINT "relationship_note_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_note" ADD CONSTRAINT "relationship_note_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_read" ADD CONSTRAINT "relationship_read_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_read" ADD CONSTRAINT "relationship_read_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_rating" ADD CONSTRAINT "skill_rating_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_rating" ADD CONSTRAINT "skill_rating_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_rating" ADD CONSTRAINT "skill_rating_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_rating" ADD CONSTRAINT "skill_rating_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_note_goal_idx" ON "goal_note" USING btree ("goal_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_rel_idx" ON "meeting" USING btree ("relationship_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "relationship_agreement_version_idx" ON "relationship_agreement" USING btree ("relationship_id","version");--> statement-breakpoint
CREATE INDEX "relationship_ending_programme_idx" ON "relationship_ending" USING btree ("programme_id","kind");--> statement-breakpoint
CREATE INDEX "relationship_goal_rel_idx" ON "relationship_goal" USING btree ("relationship_id");--> statement-breakpoint
CREATE INDEX "relationship_message_rel_idx" ON "relationship_message" USING btree ("relationship_id","created_at");--> statement-breakpoint
CREATE INDEX "relationship_note_rel_idx" ON "relationship_note" USING btree ("relationship_id","author_person_id");--> statement-breakpoint
CREATE INDEX "skill_rating_programme_idx" ON "skill_rating" USING btree ("programme_id","skill");