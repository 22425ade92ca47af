-- 0003: a version keeps the recommendation it showed when it was saved
-- (placement.Recommendation as JSON), so that a later model does not change
-- what an earlier version says. NULL for versions saved before this column:
-- they are ranked again from their profile, and the page says so.

ALTER TABLE versions ADD COLUMN recommendation TEXT;
