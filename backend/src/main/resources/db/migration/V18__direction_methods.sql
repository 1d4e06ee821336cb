-- Direction methods as study conditions (issue #19). An axis's class is the metric's top, orthogonal or
-- bottom, or one of the other direction methods (org.eigenstudy.studyconfig.model.AxisClass is the one
-- list; this CHECK repeats it so the database refuses anything else). Imported directions carry their
-- researcher's label; with perceptually matched steps a model records the matched image distance and
-- each strip the latent distance of every frame (the frames' own step is then the image distance).
ALTER TABLE axis DROP CONSTRAINT axis_axis_class_check;
ALTER TABLE axis ADD CONSTRAINT axis_axis_class_check
    CHECK (axis_class IN ('top', 'orthogonal', 'bottom', 'ganspace', 'sefa', 'random', 'imported'));
ALTER TABLE axis ADD COLUMN label TEXT;
ALTER TABLE study_model ADD COLUMN matched_image_distance DOUBLE PRECISION;
ALTER TABLE strip ADD COLUMN latent_steps DOUBLE PRECISION[];
