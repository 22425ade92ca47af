-- 0002: the facilitator's live view reads every stakeholder of an engagement
-- with their answers; index the stakeholders by engagement.

CREATE INDEX stakeholders_by_engagement ON stakeholders (engagement_id, id);
