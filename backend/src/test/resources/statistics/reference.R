# Reference values for the Java statistics tests (org.eigenstudy.backend.statistics).
# Run from this folder with:  Rscript reference.R
# Written with R 4.2.2; writes samples.csv (inputs), study.csv (a synthetic study) and reference.csv.
stopifnot(getRversion() == "4.2.2")
set.seed(20210113)

samples <- data.frame(case = character(), variable = character(), value = numeric())
ref <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, variable, v) {
  samples <<- rbind(samples, data.frame(case = case, variable = variable, value = v))
}
out <- function(case, quantity, v) {
  ref <<- rbind(ref, data.frame(case = case, quantity = quantity, value = as.numeric(v)))
}

two_sample <- function(case, x, y) {
  put(case, "x", x); put(case, "y", y)
  st <- t.test(x, y, var.equal = TRUE)
  we <- t.test(x, y, var.equal = FALSE)
  wi <- suppressWarnings(wilcox.test(x, y))
  out(case, "student.t", st$statistic); out(case, "student.df", st$parameter)
  out(case, "student.p", st$p.value)
  out(case, "welch.t", we$statistic); out(case, "welch.df", we$parameter)
  out(case, "welch.p", we$p.value)
  out(case, "wilcox.W", wi$statistic); out(case, "wilcox.p", wi$p.value)
  out(case, "wilcox.exact", as.numeric(grepl("exact", wi$method)))
}
# Ordinal 1-9 ratings with many ties (normal approximation).
two_sample("ratings", sample(1:9, 300, TRUE, prob = 9:1), sample(1:9, 200, TRUE))
# Small continuous samples without ties (exact rank-sum distribution).
two_sample("small", round(rnorm(12, 70, 10), 6), round(rnorm(15, 62, 12), 6))
# Large continuous samples without ties (n >= 50: normal approximation, no ties term).
two_sample("magnitude", round(runif(800, 0, 100), 7), round(runif(600, 5, 100), 7))
# Shared-count 0-5, very unequal sizes.
two_sample("shared", sample(0:5, 60, TRUE), sample(0:5, 700, TRUE, prob = 6:1))

paired <- function(case, d) {
  put(case, "d", d)
  tt <- t.test(d)  # identical to t.test(x, y, paired = TRUE) with d = x - y
  sr <- suppressWarnings(wilcox.test(d))  # identical to wilcox.test(x, y, paired = TRUE)
  out(case, "paired.t", tt$statistic); out(case, "paired.df", tt$parameter)
  out(case, "paired.p", tt$p.value)
  out(case, "signrank.V", sr$statistic); out(case, "signrank.p", sr$p.value)
  out(case, "signrank.exact", as.numeric(grepl("exact", sr$method)))
}
paired("paired_small", round(rnorm(20, 0.4, 1), 6))
paired("paired_ties", sample(-3:4, 80, TRUE))

proportions <- function(case, x1, n1, x2, n2) {
  put(case, "counts", c(x1, n1, x2, n2))
  p0 <- prop.test(c(x1, x2), c(n1, n2), correct = FALSE)
  p1 <- prop.test(c(x1, x2), c(n1, n2), correct = TRUE)
  m <- matrix(c(x1, n1 - x1, x2, n2 - x2), nrow = 2, byrow = TRUE)
  c0 <- chisq.test(m, correct = FALSE)
  c1 <- chisq.test(m, correct = TRUE)
  f <- fisher.test(m)
  w1 <- prop.test(x1, n1, correct = FALSE)$conf.int
  out(case, "prop.X2", p0$statistic); out(case, "prop.p", p0$p.value)
  out(case, "prop.yates.X2", p1$statistic); out(case, "prop.yates.p", p1$p.value)
  out(case, "chisq.X2", c0$statistic); out(case, "chisq.p", c0$p.value)
  out(case, "chisq.yates.X2", c1$statistic); out(case, "chisq.yates.p", c1$p.value)
  out(case, "fisher.p", f$p.value)
  out(case, "wilson.low", w1[1]); out(case, "wilson.high", w1[2])
}
proportions("paper_top_bottom", 935, 1000, 485, 1000)
proportions("close", 45, 50, 41, 52)
proportions("tiny", 3, 7, 6, 8)
proportions("extreme", 1990, 2000, 1500, 2100)

spearman <- function(case, x, y) {
  put(case, "x", x); put(case, "y", y)
  s <- cor.test(x, y, method = "spearman", exact = FALSE)
  out(case, "rho", s$estimate); out(case, "S", s$statistic); out(case, "p", s$p.value)
}
ranks <- sample(c(1:10, 503:512), 900, TRUE)
spearman("magnitude_rank", ranks, round(pmin(100, pmax(0, 80 - 0.02 * ranks + rnorm(900, 0, 20)))))
spearman("seen_logeig", log(exp(-ranks / 60)), as.numeric(runif(900) < 0.9 - ranks / 1200))
spearman("weak", sample(1:5, 40, TRUE), rnorm(40))

holm_p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04)
put("holm", "p", holm_p)
out("holm", "adjusted", p.adjust(holm_p, method = "holm"))

write.csv(samples, "samples.csv", row.names = FALSE)

# A synthetic study, analysed end to end by StudyAnalysis.
np <- 60
rows <- list()
for (p in 1:np) {
  fails <- if (p %% 15 == 0) 1 else 0
  for (model in c("alpha", "beta")) {
    for (cls in c("top", "orthogonal", "bottom")) {
      for (k in 1:4) {
        rank <- switch(cls, top = sample(1:10, 1), orthogonal = sample(1:10, 1),
                       bottom = sample(503:512, 1))
        eig <- if (cls == "orthogonal") NA else exp(-rank / 50)
        pseen <- switch(cls, top = 0.93, orthogonal = 0.9, bottom = 0.5)
        seen <- runif(1) < pseen
        mag <- if (seen) round(min(100, max(0, rnorm(1, switch(cls, top = 70, orthogonal = 67, bottom = 61), 15)))) else NA
        rows[[length(rows) + 1]] <- data.frame(participant = p, model = model, space = "z",
          class = cls, rank = rank, eigenvalue = eig, seen = as.integer(seen), magnitude = mag,
          shared = if (seen) sample(0:5, 1) else NA, consistency = if (seen) sample(1:9, 1) else NA,
          difficulty = sample(1:9, 1), catch = 0L, passed = NA)
      }
    }
  }
  rows[[length(rows) + 1]] <- data.frame(participant = p, model = NA, space = NA, class = NA,
    rank = NA, eigenvalue = NA, seen = 0L, magnitude = NA, shared = NA, consistency = NA,
    difficulty = NA, catch = 1L, passed = as.integer(fails == 0))
}
study <- do.call(rbind, rows)
write.csv(study, "study.csv", row.names = FALSE, na = "")

kept <- subset(study, catch == 0 & !(participant %% 15 == 0))
top <- subset(kept, class == "top"); bot <- subset(kept, class == "bottom")
orth <- subset(kept, class == "orthogonal")
out("study", "participants_excluded", 4)
out("study", "magnitude.top.mean", mean(top$magnitude, na.rm = TRUE))
out("study", "magnitude.top.sd", sd(top$magnitude, na.rm = TRUE))
out("study", "magnitude.welch.top_bottom.p", t.test(top$magnitude, bot$magnitude)$p.value)
out("study", "magnitude.student.top_bottom.p",
    t.test(top$magnitude, bot$magnitude, var.equal = TRUE)$p.value)
welch_p <- c(t.test(top$consistency, orth$consistency)$p.value,
             t.test(top$consistency, bot$consistency)$p.value,
             t.test(orth$consistency, bot$consistency)$p.value)
out("study", "consistency.welch.holm", p.adjust(welch_p, method = "holm"))
out("study", "difficulty.wilcox.top_bottom.p",
    wilcox.test(top$difficulty, bot$difficulty)$p.value)
seen_m <- matrix(c(sum(top$seen), sum(1 - top$seen), sum(bot$seen), sum(1 - bot$seen)), 2, byrow = TRUE)
out("study", "seen.fisher.top_bottom.p", fisher.test(seen_m)$p.value)
out("study", "seen.chisq.top_bottom.p", chisq.test(seen_m, correct = FALSE)$p.value)
eig <- subset(kept, class != "orthogonal" & model == "alpha")
out("study", "alpha.magnitude_rank.rho",
    cor.test(eig$rank, eig$magnitude, method = "spearman", exact = FALSE)$estimate)
out("study", "alpha.magnitude_rank.p",
    cor.test(eig$rank, eig$magnitude, method = "spearman", exact = FALSE)$p.value)
out("study", "alpha.seen_logeig.p",
    cor.test(log(eig$eigenvalue), eig$seen, method = "spearman", exact = FALSE)$p.value)
# Participant-level paired comparison of consistency, top vs bottom, all models pooled.
pm <- function(d) tapply(d$consistency, d$participant, mean, na.rm = TRUE)
a <- pm(top); b <- pm(bot)
both <- intersect(names(a)[!is.nan(a)], names(b)[!is.nan(b)])
out("study", "consistency.paired.top_bottom.n", length(both))
out("study", "consistency.paired.top_bottom.p", t.test(a[both], b[both], paired = TRUE)$p.value)
out("study", "consistency.signrank.top_bottom.p",
    suppressWarnings(wilcox.test(a[both], b[both], paired = TRUE))$p.value)

ref$value <- sprintf("%.17g", ref$value)
write.csv(ref, "reference.csv", row.names = FALSE)
cat("R", as.character(getRversion()), "wrote", nrow(ref), "reference values\n")
