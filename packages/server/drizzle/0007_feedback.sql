CREATE TABLE "check_in" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"side" text NOT NULL,
	"due_on" date NOT NULL,
	"questions" jsonb NOT NULL,
	"answers" jsonb,
	"sent_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feedback_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"said_nl" text NOT NULL,
	"said_en" text NOT NULL,
	"did_nl" text NOT NULL,
	"did_en" text NOT NULL,
	"result_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"programme_change_id" uuid,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"side" text NOT NULL,
	"closing" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"learned_skills" boolean,
	"skills_learned" jsonb,
	"career_steps" jsonb,
	"inspired" boolean,
	"recommend" integer,
	"other_gave" text,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "relationship_nudge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"sent_by_user_id" text,
	"recipient_ids" jsonb NOT NULL,
	"signals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "feedback_min_group" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "feedback_min_comments" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "programme" ADD COLUMN "check_in_questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_action" ADD CONSTRAINT "feedback_action_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_action" ADD CONSTRAINT "feedback_action_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_action" ADD CONSTRAINT "feedback_action_programme_change_id_programme_change_id_fk" FOREIGN KEY ("programme_change_id") REFERENCES "public"."programme_change"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_survey" ADD CONSTRAINT "outcome_survey_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_survey" ADD CONSTRAINT "outcome_survey_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_survey" ADD CONSTRAINT "outcome_survey_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_survey" ADD CONSTRAINT "outcome_survey_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_nudge" ADD CONSTRAINT "relationship_nudge_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_nudge" ADD CONSTRAINT "relationship_nudge_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_nudge" ADD CONSTRAINT "relationship_nudge_relationship_id_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_once_idx" ON "check_in" USING btree ("relationship_id","person_id","due_on");--> statement-breakpoint
CREATE INDEX "check_in_person_idx" ON "check_in" USING btree ("person_id","sent_at");--> statement-breakpoint
CREATE INDEX "check_in_programme_idx" ON "check_in" USING btree ("programme_id","sent_at");--> statement-breakpoint
CREATE INDEX "feedback_action_programme_idx" ON "feedback_action" USING btree ("programme_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_survey_once_idx" ON "outcome_survey" USING btree ("relationship_id","person_id");--> statement-breakpoint
CREATE INDEX "outcome_survey_person_idx" ON "outcome_survey" USING btree ("person_id","sent_at");--> statement-breakpoint
CREATE INDEX "outcome_survey_programme_idx" ON "outcome_survey" USING btree ("programme_id","answered_at");--> statement-breakpoint
CREATE INDEX "relationship_nudge_rel_idx" ON "relationship_nudge" USING btree ("relationship_id","created_at");