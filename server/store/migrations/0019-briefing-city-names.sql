-- A briefing's city in each language (Семей / Семей / Semey, Өскемен / Усть-Каменогорск / Oskemen): the pages show
-- the reader's. NULL: not given, so `city` (the name as first typed, kept for older clients) is shown instead.
ALTER TABLE briefings ADD COLUMN city_kk TEXT;
ALTER TABLE briefings ADD COLUMN city_ru TEXT;
ALTER TABLE briefings ADD COLUMN city_en TEXT;
