# Writes responses.csv, the fixture of org.eigenstudy.backend.statistics.bundle.*Test, in the
# bundle's own format: 24 participants, two models, 6 axes per class and model, each participant
# shown a random two thirds of the axes; crossed participant and axis effects on every measure, and
# by-participant slopes for class on magnitude and difficulty (so the headline keeps
# (1 + class | participant) there and falls back to (1 | participant) for the other ratings).
#   cd backend/src/test/resources/statistics/bundle && Rscript make-fixture.R
# Then r-results.csv is the output of the bundle's analysis.R run on the bundle the Java test
# builds from this fixture (see BundleRAgreementTest). Checked with R 4.2.2, lme4 1.1-31.
set.seed(1606)
classes <- c("top", "orthogonal", "bottom")
axes <- do.call(rbind, lapply(c("m1", "m2"), function(m) do.call(rbind, lapply(classes, function(c)
  data.frame(model = m, axis = paste0(substr(c, 1, 1), 1:6), axis_class = c,
             rank = if (c == "top") 1:6 else if (c == "bottom") 195:200 else 1:6)))))
axes$a <- rnorm(nrow(axes), 0, 5)
axes$al <- rnorm(nrow(axes), 0, 0.5)
people <- data.frame(participant = sprintf("%d", 1001:1024), p = rnorm(24, 0, 7), pl = rnorm(24, 0, 0.7))
rows <- merge(people, axes)
rows <- rows[runif(nrow(rows)) < 2 / 3, ]
rows <- rows[order(rows$participant, rows$model, rows$axis), ]
n <- nrow(rows)
logit <- c(top = 1.8, orthogonal = 1.2, bottom = 0.2)[rows$axis_class] + rows$pl + rows$al
rows$change_seen <- as.integer(runif(n) < plogis(logit))
mu <- c(top = 68, orthogonal = 63, bottom = 55)[rows$axis_class] + ifelse(rows$model == "m2", 3, 0)
# Residual noise, drawn in the order the first version of this script drew it.
e_mag <- rnorm(n, 0, 12)
e_shared <- rnorm(n, 0, 1.2)
e_cons <- rnorm(n, 0, 1.5)
e_diff <- rnorm(n, 0, 1.5)
# By-participant random slopes for class (deviations for orthogonal and bottom from top) on
# magnitude and difficulty only, drawn last so that every draw above is unchanged: the headline's
# (1 + class | participant) is supported there, and singular (so it falls back to
# (1 | participant)) for consistency and shared count, which have no slope variance.
slope <- function(sd) {
  s <- matrix(rnorm(2 * nrow(people), 0, sd), ncol = 2)
  s <- s[match(rows$participant, people$participant), ]
  ifelse(rows$axis_class == "orthogonal", s[, 1], ifelse(rows$axis_class == "bottom", s[, 2], 0))
}
s_mag <- slope(9)
s_diff <- slope(1.2)
mag <- pmin(100, pmax(0, round(mu + rows$p + rows$a + s_mag + e_mag)))
rows$magnitude <- ifelse(rows$change_seen == 1, mag, NA)
clamp <- function(x, lo, hi) pmin(hi, pmax(lo, round(x)))
rows$shared_count <- ifelse(rows$change_seen == 1,
  clamp(3 + (rows$axis_class == "top") + rows$p / 8 + rows$a / 6 + e_shared, 0, 5), NA)
rows$consistency <- ifelse(rows$change_seen == 1,
  clamp(6 - (rows$axis_class == "bottom") + rows$p / 7 + rows$a / 5 + e_cons, 1, 9), NA)
rows$difficulty <- clamp(4 + (rows$axis_class == "bottom") - rows$p / 7 + rows$a / 5 + s_diff + e_diff,
                         1, 9)
write.csv(rows[, c("participant", "model", "axis", "axis_class", "rank", "change_seen", "magnitude",
                   "shared_count", "consistency", "difficulty")], "responses.csv", row.names = FALSE, na = "")
cat(n, "responses\n")
