-- Frame distances were kept as "a;b;c" text; they are numbers, so store them as an array of numbers.
ALTER TABLE strip ALTER COLUMN frame_distances DROP DEFAULT;
ALTER TABLE strip ALTER COLUMN frame_distances TYPE double precision[]
    USING CASE WHEN frame_distances = '' THEN '{}'::double precision[]
               ELSE string_to_array(frame_distances, ';')::double precision[] END;
ALTER TABLE strip ALTER COLUMN frame_distances SET DEFAULT '{}';
