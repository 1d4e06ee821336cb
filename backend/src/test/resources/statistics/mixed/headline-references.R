# Regenerates the data set and the lme4 / lmerTest / emmeans reference values of the report's headline,
# which org.eigenstudy.backend.statistics.rest.HeadlineReferenceTest posts through the participant API and
# compares with GET /api/researcher/studies/{id}/statistics. R is used only here, never at run time.
#   cd backend/src/test/resources/statistics/mixed && Rscript headline-references.R
# Writes data-headline.csv (participant, class, rank: one row per trial; every participant answers every
# axis once, as the test's study assigns them) and headline-references.csv (measure, quantity, index,
# value, call). Checked with R 4.2.2, lme4 1.1-31, lmerTest 3.1-3, emmeans 1.8.4 (Debian bookworm).
suppressPackageStartupMessages({ library(lme4); library(lmerTest); library(emmeans) })
emm_options(lmer.df = "satterthwaite")
classes <- c("top", "orthogonal", "bottom")

set.seed(1616)
participants <- 30
axesPerClass <- 5
axes <- expand.grid(rank = seq_len(axesPerClass), class = classes, stringsAsFactors = FALSE)
axes$axis <- paste0(axes$class, axes$rank)
axes$aMag <- rnorm(nrow(axes), 0, 5)
axes$aLogit <- rnorm(nrow(axes), 0, 0.5)
axes$aCons <- rnorm(nrow(axes), 0, 0.4)
pe <- data.frame(participant = sprintf("p%02d", seq_len(participants)), pMag = rnorm(participants, 0, 8),
                 pOrth = rnorm(participants, 0, 7), pBot = rnorm(participants, 0, 10), pLogit = rnorm(participants, 0, 0.7),
                 pCons = rnorm(participants, 0, 0.8), pDiff = rnorm(participants, 0, 0.9))
d <- merge(pe, axes)
d <- d[order(d$participant, match(d$class, classes), d$rank), ]
logit <- c(top = 2.4, orthogonal = 1.9, bottom = 0.2)[d$class] + d$pLogit + d$aLogit
d$seen <- as.integer(runif(nrow(d)) < plogis(logit))
mag <- c(top = 70, orthogonal = 66, bottom = 58)[d$class] + d$pMag + ifelse(d$class == "bottom", d$pBot, ifelse(d$class == "orthogonal", d$pOrth, 0)) +
  d$aMag + rnorm(nrow(d), 0, 9)
d$magnitude <- ifelse(d$seen == 1, pmin(100, pmax(0, round(mag))), NA)
cons <- c(top = 6.7, orthogonal = 6.4, bottom = 6.0)[d$class] + d$pCons + d$aCons + rnorm(nrow(d), 0, 1.3)
d$consistency <- ifelse(d$seen == 1, pmin(9, pmax(1, round(cons))), NA)
shared <- c(top = 4, orthogonal = 3.6, bottom = 3)[d$class] + d$pCons / 2 + rnorm(nrow(d), 0, 0.9)
d$shared_count <- ifelse(d$seen == 1, pmin(5, pmax(0, round(shared))), NA)
d$difficulty <- pmin(9, pmax(1, round(c(top = 4.9, orthogonal = 4.8, bottom = 5.7)[d$class] + d$pDiff +
  rnorm(nrow(d), 0, 1.5))))
d <- d[, c("participant", "class", "rank", "axis", "seen", "magnitude", "shared_count", "consistency", "difficulty")]
write.csv(d, "data-headline.csv", row.names = FALSE, na = "")
d$class <- factor(d$class, levels = classes)

out <- list()
put <- function(measure, quantity, values, call) {
  out[[length(out) + 1]] <<- data.frame(measure = measure, quantity = quantity, index = seq_along(values) - 1,
    value = sprintf("%.15g", as.numeric(values)), call = call)
}
tight <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5))
gtight <- glmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5), tolPwrss = 1e-10)
pairwise <- function(lv) list(
  top_orthogonal = sapply(lv, function(c) (c == "top") - (c == "orthogonal")),
  top_bottom = sapply(lv, function(c) (c == "top") - (c == "bottom")),
  orthogonal_bottom = sapply(lv, function(c) (c == "orthogonal") - (c == "bottom")))

# The headline's linear model: (1 + class | participant) unless that fit is singular, then (1 | participant).
linear <- function(key, data, y) {
  data$y <- data[[y]]
  f <- lmer(y ~ class + (1 + class | participant) + (1 | axis), data = data, REML = TRUE, control = tight)
  slopes <- !isSingular(f)
  if (!slopes) f <- lmer(y ~ class + (1 | participant) + (1 | axis), data = data, REML = TRUE, control = tight)
  call <- sprintf("lmer(%s ~ class + (1%s | participant) + (1 | axis), REML = TRUE)", y, if (slopes) " + class" else "")
  put(key, "random_slopes", as.integer(slopes), paste("!isSingular(lmer(y ~ class + (1 + class | participant) + (1 | axis)));", call))
  put(key, "trials", nrow(data), "nrow(data)")
  vc <- VarCorr(f)
  vp <- as.vector(vc$participant)[1]; va <- as.vector(vc$axis); vr <- sigma(f)^2
  put(key, "var_participant", vp, "VarCorr(fit)$participant[1, 1]")
  put(key, "var_axis", va, "as.vector(VarCorr(fit)$axis)")
  put(key, "var_residual", vr, "sigma(fit)^2")
  put(key, "icc_participant", vp / (vp + va + vr), "var_participant / (var_participant + var_axis + var_residual)")
  put(key, "icc_axis", va / (vp + va + vr), "var_axis / (var_participant + var_axis + var_residual)")
  put(key, "logLik", as.numeric(logLik(f)), "as.numeric(logLik(fit)) (REML)")
  emm <- emmeans(f, ~class, lmer.df = "satterthwaite")
  s <- summary(emm)[match(classes, summary(emm)$class), ]
  put(key, "emm", s$emmean, "summary(emmeans(fit, ~class, lmer.df = 'satterthwaite'))$emmean")
  put(key, "emm_se", s$SE, "... $SE")
  put(key, "emm_df", s$df, "... $df")
  put(key, "emm_lower", s$lower.CL, "... $lower.CL")
  put(key, "emm_upper", s$upper.CL, "... $upper.CL")
  pr <- summary(contrast(emm, pairwise(levels(emm)$class), adjust = "holm"))
  ci <- confint(contrast(emm, pairwise(levels(emm)$class), adjust = "none"))
  put(key, "contrast_estimate", pr$estimate, "summary(contrast(emm, list(top - orthogonal, top - bottom, orthogonal - bottom), adjust = 'holm'))$estimate")
  put(key, "contrast_se", pr$SE, "... $SE")
  put(key, "contrast_df", pr$df, "... $df")
  put(key, "contrast_p_holm", pr$p.value, "... $p.value (Holm)")
  put(key, "contrast_lower", ci$lower.CL, "confint(contrast(..., adjust = 'none'))$lower.CL")
  put(key, "contrast_upper", ci$upper.CL, "confint(contrast(..., adjust = 'none'))$upper.CL")
  # d: the contrast and its unadjusted interval over the total SD (Westfall, Kenny & Judd 2014), the SD
  # treated as known. (eff_size(emm, sigma, edf = Inf) gives the same d, but z intervals.)
  sd <- sqrt(vp + va + vr)
  put(key, "d", ci$estimate / sd, "confint(contrast(..., adjust = 'none'))$estimate / sqrt(var_participant + var_axis + var_residual)")
  put(key, "d_lower", ci$lower.CL / sd, "confint(contrast(..., adjust = 'none'))$lower.CL / sd")
  put(key, "d_upper", ci$upper.CL / sd, "confint(contrast(..., adjust = 'none'))$upper.CL / sd")
  re <- ranef(f)$axis
  put(key, "axis_mode", re[match(paste0(rep(classes, each = axesPerClass), seq_len(axesPerClass)), rownames(re)), 1],
      "ranef(fit)$axis[c('top1', ..., 'top5', 'orthogonal1', ..., 'bottom5'), 1]")
}

seen <- d[d$seen == 1, ]
linear("magnitude", seen, "magnitude")
linear("consistency", seen, "consistency")
linear("difficulty", d, "difficulty")
linear("shared_count", seen, "shared_count")
zero <- d
zero$magnitude[zero$seen == 0] <- 0
zero$shared_count[zero$seen == 0] <- 0
linear("magnitude_unseen_as_zero", zero, "magnitude")
linear("shared_count_unseen_as_zero", zero, "shared_count")

g <- glmer(seen ~ class + (1 | participant) + (1 | axis), data = d, family = binomial, control = gtight)
vp <- as.vector(VarCorr(g)$participant); va <- as.vector(VarCorr(g)$axis)
put("seen_change", "var_participant", vp, "as.vector(VarCorr(glmer(seen ~ class + (1 | participant) + (1 | axis), family = binomial))$participant)")
put("seen_change", "var_axis", va, "as.vector(VarCorr(fit)$axis)")
put("seen_change", "icc_participant", vp / (vp + va + pi^2 / 3), "var_participant / (var_participant + var_axis + pi^2 / 3)")
put("seen_change", "icc_axis", va / (vp + va + pi^2 / 3), "var_axis / (var_participant + var_axis + pi^2 / 3)")
put("seen_change", "logLik", as.numeric(logLik(g)), "as.numeric(logLik(fit)) (Laplace)")
emm <- emmeans(g, ~class)
s <- summary(emm, type = "response"); s <- s[match(classes, s$class), ]
put("seen_change", "emm_prob", s$prob, "summary(emmeans(fit, ~class), type = 'response')$prob")
put("seen_change", "emm_lower", s$asymp.LCL, "... $asymp.LCL")
put("seen_change", "emm_upper", s$asymp.UCL, "... $asymp.UCL")
pr <- summary(contrast(emm, pairwise(levels(emm)$class), adjust = "holm"))
put("seen_change", "contrast_estimate", pr$estimate, "summary(contrast(emmeans(fit, ~class), list(...), adjust = 'holm'))$estimate (log odds ratio)")
put("seen_change", "contrast_p_holm", pr$p.value, "... $p.value (Holm, z)")
or <- confint(contrast(emm, pairwise(levels(emm)$class), adjust = "none"), type = "response")
put("seen_change", "odds_ratio", or$odds.ratio, "confint(contrast(emm, list(...), adjust = 'none'), type = 'response')$odds.ratio")
put("seen_change", "odds_ratio_lower", or$asymp.LCL, "... $asymp.LCL")
put("seen_change", "odds_ratio_upper", or$asymp.UCL, "... $asymp.UCL")
re <- ranef(g)$axis
put("seen_change", "axis_mode", re[match(paste0(rep(classes, each = axesPerClass), seq_len(axesPerClass)), rownames(re)), 1],
    "ranef(fit)$axis[c('top1', ..., 'bottom5'), 1] (logit scale)")
write.csv(do.call(rbind, out), "headline-references.csv", row.names = FALSE)
